import type { ExceptionsPage, LogisticsKpis, ShipmentDetail, TicketDetail } from '../../src/shared/contract';
import { addDays, expect, openConsole, test, todayUtc } from './fixtures';

/**
 * The logistics area on the small demo store: the dashboard shows the figures
 * logistics.kpis answers for the same choices, a shipment opens with its
 * timeline, and an exception becomes a ticket in exactly two clicks.
 */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const last90 = () => ({ from: addDays(todayUtc(), -89), to: todayUtc() });

test.describe('logistics', () => {
  test('the dashboard renders the store’s figures, and the basis switch changes transit days', async ({ page, backroom }) => {
    const calendar = (await backroom.invoke('logistics.kpis', { range: last90(), compare: true, basis: 'calendar' })) as LogisticsKpis;
    expect(calendar.current.shipped, 'the demo store shipped parcels in the last 90 days').toBeGreaterThan(0);
    await openConsole(page, backroom, '/logistics');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logistics');
    await expect(page.getByTestId('kpi-shipped')).toHaveAttribute('data-value', String(calendar.current.shipped));
    await expect(page.getByTestId('kpi-delivery-rate')).toHaveAttribute('data-value', String(calendar.current.deliveryRate ?? ''));
    await expect(page.getByTestId('kpi-on-time-rate')).toHaveAttribute('data-value', String(calendar.current.onTimeRate ?? ''));
    await expect(page.getByTestId('kpi-exceptions')).toHaveAttribute('data-value', String(calendar.current.exceptions));
    await expect(page.getByTestId('kpi-transit-p50')).toHaveAttribute('data-value', String(calendar.current.transitP50 ?? ''));
    await expect(page.getByTestId('kpi-otd-p90')).toHaveAttribute('data-value', String(calendar.current.orderToDeliveryP90 ?? ''));
    // The charts drew bars from the same answer, and each has its definition one click away.
    await expect(page.getByTestId('logistics-chart-volume').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByTestId('logistics-chart-transit').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByTestId('logistics-table-carrier').getByTestId('breakdown-row')).toHaveCount(calendar.byCarrier.length);
    await expect(page.getByTestId('logistics-table-region').getByTestId('breakdown-row')).toHaveCount(calendar.byRegion.length);
    await page.getByTestId('logistics-chart-transit').getByTestId('chart-definition').click();
    await expect(page.getByTestId('chart-definition-text')).toContainText('Business days count Monday to Friday');
    await page.keyboard.press('Escape');

    const business = (await backroom.invoke('logistics.kpis', { range: last90(), compare: true, basis: 'business' })) as LogisticsKpis;
    await page.getByTestId('logistics-basis').getByText('Business', { exact: true }).click();
    await expect(page.getByTestId('logistics-range-line')).toContainText('business days');
    await expect(page.getByTestId('kpi-transit-p90')).toHaveAttribute('data-value', String(business.current.transitP90 ?? ''));
    await expect(page.getByTestId('kpi-shipped')).toHaveAttribute('data-value', String(business.current.shipped));
    await page.getByTestId('logistics-basis').getByText('Calendar', { exact: true }).click();
  });

  test('a shipment opens with its timeline, tracking link and dispute control', async ({ page, backroom }) => {
    const id = backroom.scalar<number>(
      `SELECT s.id FROM shipments s WHERE s.status = 'Delivered' AND s.disputed_at IS NULL
          AND (SELECT count(*) FROM tracking_events e WHERE e.shipment_id = s.id) >= 3
        ORDER BY s.shipped_at DESC LIMIT 1`,
    );
    const detail = (await backroom.invoke('shipments.get', { id })) as ShipmentDetail;
    await openConsole(page, backroom, `/logistics/shipments/${id}`);
    const drawer = page.getByTestId('shipment-detail');
    await expect(drawer).toHaveAttribute('data-shipment-id', String(id));
    await expect(page.getByTestId('shipment-drawer-title')).toContainText(detail.orderNumber);
    await expect(drawer.getByTestId('shipment-event')).toHaveCount(detail.events.length);
    if (detail.trackingUrl) await expect(drawer.getByTestId('shipment-tracking-link')).toHaveAttribute('href', detail.trackingUrl);

    await drawer.getByRole('textbox', { name: 'Note' }).fill('Customer says the parcel never came.');
    await drawer.getByTestId('shipment-dispute-toggle').click();
    await expect(drawer.getByTestId('shipment-dispute')).toHaveAttribute('data-disputed', 'true');
    const disputed = (await backroom.invoke('shipments.get', { id })) as ShipmentDetail;
    expect(disputed.disputedAt).not.toBeNull();
    const queue = (await backroom.invoke('logistics.exceptions', { kinds: ['disputed'] })) as ExceptionsPage;
    expect(queue.rows.map((row) => row.id)).toContain(id);

    await drawer.getByTestId('shipment-dispute-toggle').click();
    await expect(drawer.getByTestId('shipment-dispute')).toHaveAttribute('data-disputed', 'false');
    expect(((await backroom.invoke('shipments.get', { id })) as ShipmentDetail).disputedAt).toBeNull();

    // Escape closes the drawer and leaves the list, searchable by order number.
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/#\/logistics\/shipments$/);
    await page.getByTestId('shipments-search').fill(detail.orderNumber);
    await expect(page.getByTestId('shipments-table-row').first()).toContainText(detail.orderNumber);
  });

  test('an exception becomes a ticket in two clicks', async ({ page, backroom }) => {
    const queue = (await backroom.invoke('logistics.exceptions', {})) as ExceptionsPage;
    const target = queue.rows.find((row) => row.openTicketId === null);
    expect(target, 'the demo store has an exception without a ticket').toBeDefined();
    await openConsole(page, backroom, '/logistics/exceptions');
    for (const kind of ['late', 'attempt_fail', 'exception'] as const) {
      await expect(page.locator(`[data-testid="exception-kind-count"][data-kind="${kind}"]`)).toHaveAttribute('data-count', String(queue.counts[kind]));
    }
    const row = page.locator(`[data-testid="exception-row"][data-shipment-id="${target!.id}"]`);
    await expect(row).toBeVisible();

    let clicks = 0;
    await row.getByTestId('exception-open-ticket').click();
    clicks += 1;
    await expect(page.getByTestId('exception-ticket-subject')).toHaveValue(new RegExp(`Delayed shipment for order ${escape(target!.orderNumber)}`));
    const subject = await page.getByTestId('exception-ticket-subject').inputValue();
    await page.getByTestId('exception-ticket-create').click();
    clicks += 1;
    const link = row.getByTestId('exception-ticket-link');
    await expect(link).toBeVisible();
    expect(clicks).toBe(2);

    const ticketId = Number(await link.getAttribute('data-ticket-id'));
    const ticket = (await backroom.invoke('tickets.get', { id: ticketId })) as TicketDetail;
    expect(ticket.links.shipmentId).toBe(target!.id);
    // The subject shown in the popover is the ticket's, written with it in one go.
    expect(ticket.subject).toBe(subject);
    expect(ticket.order?.orderNumber).toBe(target!.orderNumber);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`#/service/tickets/${ticketId}$`));
    await expect(page.getByTestId('ticket-page')).toHaveAttribute('data-ticket-id', String(ticketId));
  });

  test('a message to the customer is prepared from a macro with the shipment’s details', async ({ page, backroom }) => {
    const queue = (await backroom.invoke('logistics.exceptions', {})) as ExceptionsPage;
    const target = queue.rows.find((row) => row.customerId !== null && row.trackingNumber !== null);
    expect(target).toBeDefined();
    await openConsole(page, backroom, '/logistics/exceptions');
    const row = page.locator(`[data-testid="exception-row"][data-shipment-id="${target!.id}"]`);
    await row.getByTestId('exception-prepare-message').click();
    const dialog = page.getByRole('dialog', { name: 'Prepare a message to the customer' });
    await dialog.getByTestId('prepare-message-macro').click();
    await page.getByRole('option', { name: /Where is my order/i }).first().click();
    const text = dialog.getByTestId('prepare-message-text');
    await expect(text).toHaveValue(new RegExp(escape(target!.orderNumber)));
    await expect(text).toHaveValue(new RegExp(escape(target!.carrier)));
    await expect(text).not.toHaveValue(/\{\{/);
    await expect(dialog.getByTestId('prepare-message-copy')).toBeEnabled();
  });
});
