import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { Clv, Cohorts, InsightsOverview, Retention, RevenueSeries } from '../../src/shared/contract';
import { parseCsv } from '../../src/shared/csv';
import { expect, openConsole, test } from './fixtures';

/**
 * The Dashboard's retention insights over the demo store, "All time" (no
 * range), so every figure can be asked of the core with the same input.
 */
async function openInsights(page: Page, backroom: Parameters<typeof openConsole>[1]) {
  await openConsole(page, backroom);
  await page.getByTestId('range-presets').getByText('All time', { exact: true }).click();
  await page.getByTestId('dashboard-tab-retention').click();
  await expect(page.getByTestId('insight-tiles')).toHaveAttribute('data-stale', 'false');
}

/** Opens a card's export menu and returns the downloaded file's bytes and name. */
async function exportFrom(page: Page, card: Locator, item: 'chart-export-csv' | 'chart-export-png') {
  await card.getByTestId('chart-export').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(item).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

test.describe('retention insights', () => {
  test('the tiles show what insights.overview returns', async ({ page, backroom }) => {
    const overview = (await backroom.invoke('insights.overview', {})) as InsightsOverview;
    await openInsights(page, backroom);
    await expect(page.getByTestId('insight-points-liability')).toHaveAttribute('data-value', String(overview.pointsLiabilityMinor));
    const rate = overview.repeatPurchaseRate.current;
    await expect(page.getByTestId('insight-repeat-purchase-rate')).toHaveAttribute('data-value', rate === null ? '' : String(rate));
    const onTime = overview.onTimeDeliveryRate.current;
    await expect(page.getByTestId('insight-on-time-rate')).toHaveAttribute('data-value', onTime === null ? '' : String(onTime));
    // All time has no previous period: no comparison lines.
    await expect(page.getByTestId('insight-change')).toHaveCount(0);
  });

  test('a definition opens in one click', async ({ page, backroom }) => {
    await openInsights(page, backroom);
    const tile = page.getByTestId('insight-tiles').getByRole('button', { name: 'What “Repeat purchase rate” means' });
    await tile.click();
    await expect(page.getByTestId('definition-text')).toContainText('ordered again');
    await page.keyboard.press('Escape');

    await page.getByTestId('insight-cohorts').getByTestId('chart-definition').click();
    await expect(page.getByTestId('chart-definition-text')).toContainText('first non-cancelled order');
  });

  test('the cohort heatmap has a cell per figure of insights.cohorts', async ({ page, backroom }) => {
    const cohorts = (await backroom.invoke('insights.cohorts', { months: 12, measure: 'customers' })) as Cohorts;
    const figures = cohorts.rows.flatMap((row) => row.values.map((value, i) => ({ cohort: row.cohort, i, value })));
    const present = figures.filter((f) => f.value !== null);
    expect(present.length).toBeGreaterThan(0);

    await openInsights(page, backroom);
    const heatmap = page.getByTestId('cohort-heatmap');
    await expect(heatmap.getByTestId('heat-cell')).toHaveCount(present.length);
    const first = present[0]!;
    await expect(heatmap.locator(`[data-row="${first.cohort}"][data-col="0"]`)).toHaveAttribute('data-value', String(first.value));

    // Keyboard: Tab onto the grid, arrows move, the line below describes the cell.
    await heatmap.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('cohort-heatmap-detail')).toContainText('customers ordered');
  });

  test('Export CSV downloads the rows the heatmap shows', async ({ page, backroom }) => {
    const cohorts = (await backroom.invoke('insights.cohorts', { months: 12, measure: 'customers' })) as Cohorts;
    await openInsights(page, backroom);
    await expect(page.getByTestId('cohort-heatmap').getByTestId('heat-cell').first()).toBeVisible();

    const { name, bytes } = await exportFrom(page, page.getByTestId('insight-cohorts'), 'chart-export-csv');
    expect(name).toBe('cohort-retention.csv');
    // UTF-8 with a byte-order mark, so spreadsheet programs read Chinese correctly.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(bytes.toString('utf8')).map((r) => r.fields);
    expect(records[0]?.slice(0, 3)).toEqual(['Cohort', 'Customers', 'Month 0']);
    expect(records.slice(1)).toEqual(
      cohorts.rows.map((row) => [row.cohort, String(row.size), ...row.values.map((v) => (v === null ? '' : String(v)))]),
    );
  });

  test('Export CSV of the sales overview matches dashboard.revenueSeries', async ({ page, backroom }) => {
    const series = (await backroom.invoke('dashboard.revenueSeries', {})) as RevenueSeries;
    await openConsole(page, backroom);
    await page.getByTestId('range-presets').getByText('All time', { exact: true }).click();
    const card = page.getByTestId('chart-revenue');
    await expect(card.locator('.recharts-area-area')).toHaveCount(1);
    const { bytes } = await exportFrom(page, card, 'chart-export-csv');
    const records = parseCsv(bytes.toString('utf8')).map((r) => r.fields);
    expect(records.length).toBe(series.points.length + 1);
    expect(records.slice(1).map((r) => [r[0], Number(r[2])])).toEqual(series.points.map((p) => [p.period, p.orders]));
  });

  test('Export PNG downloads a PNG image of the chart', async ({ page, backroom }) => {
    const retention = (await backroom.invoke('insights.retention', {})) as Retention;
    expect(retention.timeBetweenOrders.some((b) => b.count > 0)).toBe(true);
    await openInsights(page, backroom);
    const card = page.getByTestId('insight-time-between');
    await expect(card.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(card.getByTestId('repeat-rate')).toHaveAttribute('data-value', String(retention.repeatPurchaseRate ?? ''));

    const { name, bytes } = await exportFrom(page, card, 'chart-export-png');
    expect(name).toBe('time-between-orders.png');
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: the image is the card's chart at 2×, not an empty canvas.
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    expect(width).toBeGreaterThan(600);
    expect(height).toBeGreaterThan(400);
    expect(bytes.length).toBeGreaterThan(10_000);
  });
});

test.describe('switches', () => {
  test('revenue per customer fills the heatmap with insights.cohorts by revenue', async ({ page, backroom }) => {
    const cohorts = (await backroom.invoke('insights.cohorts', { months: 12, measure: 'revenue' })) as Cohorts;
    const row = cohorts.rows.find((r) => r.values[1] !== null && r.values[1] !== undefined)!;
    await openInsights(page, backroom);
    await page.getByTestId('cohort-measure').getByText('Revenue per customer').click();
    const cell = page.getByTestId('cohort-heatmap').locator(`[data-row="${row.cohort}"][data-col="1"]`);
    await expect(cell).toHaveAttribute('data-value', String(row.values[1]));
    await expect(cell).toContainText('$');
  });

  test('CLV by segment draws a bar per row of insights.clv and exports them', async ({ page, backroom }) => {
    // Segments come from an RFM computation, which the demo store has not made yet.
    await backroom.invoke('customers.rfm.recompute', {});
    const clv = (await backroom.invoke('insights.clv', { by: 'segment' })) as Clv;
    expect(clv.rows.length).toBeGreaterThan(0);
    await openInsights(page, backroom);
    await page.getByTestId('clv-by').getByText('Segment').click();
    const card = page.getByTestId('insight-clv');
    await expect(card.locator('.recharts-bar-rectangle')).toHaveCount(clv.rows.length);
    const { name, bytes } = await exportFrom(page, card, 'chart-export-csv');
    expect(name).toBe('clv-by-segment.csv');
    const records = parseCsv(bytes.toString('utf8')).map((r) => r.fields);
    expect(records.slice(1).map((r) => [Number(r[1]), r[8]])).toEqual(clv.rows.map((row) => [row.customers, clv.currency]));
  });
});

test.describe('RFM segment movement', () => {
  test('the matrix shows the counts of insights.retention, with its window', async ({ page, backroom }) => {
    // The demo store starts without a segment computation: make one, so there is movement to show.
    await backroom.invoke('customers.rfm.recompute', {});
    const retention = (await backroom.invoke('insights.retention', {})) as Retention;
    const moves = retention.segmentMovement.filter((m) => m.customers > 0);
    expect(moves.length).toBeGreaterThan(0);

    await openInsights(page, backroom);
    const grid = page.getByTestId('movement-grid');
    await expect(grid.getByTestId('heat-cell')).toHaveCount(moves.length);
    for (const move of moves.slice(0, 3)) {
      await expect(grid.locator(`[data-row="${move.from}"][data-col="${move.to}"]`)).toHaveAttribute('data-value', String(move.customers));
    }
    // One computation so far: everyone comes from "no segment"; after another spec's, the window is between the two.
    const window = retention.segmentMovementWindow.from === null ? 'Up to the first computation' : 'From ';
    await expect(page.getByTestId('insight-movement').getByRole('heading', { level: 2 })).toContainText(window);
  });
});
