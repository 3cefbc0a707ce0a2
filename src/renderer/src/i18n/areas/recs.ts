/**
 * The recommendations area's messages, English and Simplified Chinese side by
 * side. Spread into ../en.ts and ../zh-CN.ts; keys start with 'recs.'. Each
 * page keeps its own file in ./recs/ so each stays short.
 */
import { recsEvaluateEn, recsEvaluateZh } from './recs/evaluate';
import { recsPreviewEn, recsPreviewZh } from './recs/preview';
import { recsPublishEn, recsPublishZh } from './recs/publish';
import { recsTuningEn, recsTuningZh } from './recs/tuning';

export const recsEn = {
  ...recsTuningEn,
  ...recsPreviewEn,
  ...recsEvaluateEn,
  ...recsPublishEn,
  'recs.description': 'Product recommendations learned from your own orders: tune them, preview them, measure them on held-out orders, then publish.',
  'recs.tab.tuning': 'Tuning',
  'recs.tab.evaluate': 'Evaluation',
  'recs.tab.rules': 'Bought together',
  'recs.tab.publish': 'Publish',
  'recs.job.train': 'Training',
  'recs.job.evaluate': 'Evaluation',
  'recs.job.finished': '{what} finished.',
  'recs.job.failed': '{what} failed: {message}',
} as const;

export const recsZh: { readonly [K in keyof typeof recsEn]: string } = {
  ...recsTuningZh,
  ...recsPreviewZh,
  ...recsEvaluateZh,
  ...recsPublishZh,
  'recs.description': '从您自己的订单中学习的商品推荐：调优、预览、用预留订单衡量，然后发布。',
  'recs.tab.tuning': '调优',
  'recs.tab.evaluate': '评估',
  'recs.tab.rules': '一起购买',
  'recs.tab.publish': '发布',
  'recs.job.train': '训练',
  'recs.job.evaluate': '评估',
  'recs.job.finished': '{what}已完成。',
  'recs.job.failed': '{what}失败：{message}',
};
