import { AppError } from '../../../shared/errors';

// SCAFFOLD: replaced by the area's real handlers (issue 4); each answers INTERNAL until then.
function notYet(): never {
  throw new AppError('INTERNAL', 'This part of the service desk is not built yet.');
}

export const serviceHandlers = {
  'tickets.list': notYet,
  'tickets.get': notYet,
  'tickets.create': notYet,
  'tickets.reply': notYet,
  'tickets.update': notYet,
  'tickets.merge': notYet,
  'tickets.bulk': notYet,
  'tickets.undo': notYet,
  'tickets.autoAssign': notYet,
  'queues.counts': notYet,
  'staff.list': notYet,
  'staff.save': notYet,
  'macros.list': notYet,
  'macros.save': notYet,
  'macros.apply': notYet,
  'kb.search': notYet,
  'kb.save': notYet,
};
