import type { Handler, HandlerContext } from '../../core/handler';
import type { OperationName } from '../../../shared/contract';
import { campaignCalendar } from './calendar';
import { checkin } from './checkin';
import { exportCampaignCoupons, exportCampaignPrices } from './exports';
import { launchCampaign } from './launch';
import { loadCampaign } from './load';
import { previewAudience } from './preview';
import { campaignReport } from './report';
import { cancelCampaign, createCampaign, listCampaigns, updateCampaign } from './store';

const changed = (ctx: HandlerContext, ...areas: string[]) => ctx.emit('data.changed', { areas: ['campaigns', ...areas] });

/** Launch progress as job events, throttled to one per phase step (see mechanics.ts: every 5,000 members). */
function launchProgress(ctx: HandlerContext, id: number) {
  return (done: number, total: number, phase: string) =>
    ctx.emit('job.progress', { jobId: `campaign-launch:${id}`, kind: 'campaign.launch', done, total, message: phase });
}

/** Campaigns: each handler a thin call into this folder. */
export const campaignHandlers = {
  'campaigns.list': (input, ctx) => listCampaigns(ctx.sqlite, input, ctx.now()),
  'campaigns.get': (input, ctx) => loadCampaign(ctx.sqlite, input.id, ctx.now()),
  'campaigns.create': (input, ctx) => {
    const campaign = createCampaign(ctx.sqlite, input, ctx.now());
    changed(ctx);
    return campaign;
  },
  'campaigns.update': (input, ctx) => {
    const campaign = updateCampaign(ctx.sqlite, input, ctx.now());
    changed(ctx);
    return campaign;
  },
  'campaigns.cancel': (input, ctx) => {
    const campaign = cancelCampaign(ctx.sqlite, input, ctx.now());
    changed(ctx);
    return campaign;
  },
  'campaigns.audience.preview': (input, ctx) => previewAudience(ctx.sqlite, input, ctx.now()),
  'campaigns.launch': (input, ctx) => {
    const result = launchCampaign(ctx.sqlite, input, ctx.now(), { progress: launchProgress(ctx, input.id) });
    if (result.launchedNow) changed(ctx, 'loyalty', 'customers');
    return result;
  },
  'campaigns.report': (input, ctx) => campaignReport(ctx.sqlite, input, ctx.now()),
  'campaigns.checkin': (input, ctx) => {
    const result = checkin(ctx.sqlite, input, ctx.now());
    if (result.recorded || result.streakPoints > 0) changed(ctx, 'loyalty');
    return result;
  },
  'campaigns.coupons.export': (input, ctx) => exportCampaignCoupons(ctx.sqlite, input.id, ctx.now()),
  'campaigns.prices.export': (input, ctx) => exportCampaignPrices(ctx.sqlite, input.id, ctx.now()),
  'campaigns.calendar': (input, ctx) => campaignCalendar(ctx.sqlite, input, ctx.now()),
} satisfies { [N in Extract<OperationName, `campaigns.${string}`>]: Handler<N> };
