import type { ParsedInputOf, SavedView } from '../../../shared/contract';
import type { HandlerContext } from '../../core/handler';
import { deleteView, listViews, saveView } from './saved-views';

export function viewsList(input: ParsedInputOf<'views.list'>, ctx: HandlerContext): SavedView[] {
  return listViews(ctx.sqlite, input.area);
}

export function viewsSave(input: ParsedInputOf<'views.save'>, ctx: HandlerContext): SavedView {
  const view = saveView(ctx.sqlite, input, ctx.now());
  ctx.emit('data.changed', { areas: ['views'] });
  return view;
}

export function viewsDelete(input: ParsedInputOf<'views.delete'>, ctx: HandlerContext): { id: number } {
  const deleted = deleteView(ctx.sqlite, input.id);
  ctx.emit('data.changed', { areas: ['views'] });
  return deleted;
}

export const viewHandlers = {
  'views.list': viewsList,
  'views.save': viewsSave,
  'views.delete': viewsDelete,
};
