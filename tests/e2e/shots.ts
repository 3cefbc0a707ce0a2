import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where a screenshot goes. Every run takes the pictures (into the test's output
 * folder) after checking the screen rendered its content; with
 * BACKROOM_SCREENSHOTS=1 the ones the README shows are written to
 * docs/screenshots instead, so a plain test run never rewrites committed images.
 */
const DOCS_DIR = resolve(__dirname, '../../docs/screenshots');

export const DOCS_SHOTS = new Set([
  'dashboard-en-light.png', 'dashboard-en-dark.png', 'dashboard-zh-light.png', 'dashboard-zh-dark.png',
  'orders-en-light.png', 'orders-zh-dark.png', 'orders-drawer-en-light.png', 'orders-refund-en-light.png',
  'customers-list-en-light.png', 'customers-profile-en-dark.png', 'customers-segments-zh-light.png',
  'customers-duplicates-en-light.png',
  'loyalty-overview-en-light.png', 'loyalty-overview-zh-light.png', 'loyalty-program-tiers-en-light.png',
  'loyalty-rewards-en-light.png', 'loyalty-coupon-en-light.png', 'loyalty-panel-en-dark.png',
  'service-queues-en-light.png', 'service-ticket-zh-dark.png',
  'service-admin-sla-en-light.png', 'service-admin-reports-zh-dark.png',
  'returns-en-light.png', 'return-detail-zh-dark.png',
  'feedback-inbox-en-light.png', 'feedback-import-en-light.png', 'feedback-trends-zh-dark.png',
  'sync-en-light.png', 'sync-connect-zh-dark.png', 'sync-log-zh-dark.png',
  'recs-en-light.png', 'recs-evaluate-en-light.png', 'recs-zh-dark.png', 'recs-publish-en-light.png',
  'logistics-en-light.png', 'logistics-exceptions-zh-dark.png', 'payments-en-light.png',
  'insights-en-light.png', 'insights-zh-dark.png',
  'campaigns-list-en-light.png', 'campaigns-editor-en-light.png', 'campaigns-report-en-light.png', 'campaigns-calendar-zh-dark.png',
  'community-groups-en-light.png', 'community-group-en-light.png', 'community-leaderboards-zh-light.png',
  'community-announcements-en-dark.png',
  'orders-tracking-en-light.png',
]);

export function shotPath(file: string, testInfo: { outputPath(name: string): string }): string {
  const target = process.env['BACKROOM_SCREENSHOTS'] === '1' && DOCS_SHOTS.has(file)
    ? join(DOCS_DIR, file)
    : testInfo.outputPath(file);
  mkdirSync(resolve(target, '..'), { recursive: true });
  return target;
}
