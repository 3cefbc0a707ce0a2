import { expect, openConsole, test, type Backroom } from './fixtures';
import { shotPath } from './shots';

/**
 * A parcel still on its way after the date first promised: from the order
 * drawer, one press opens a ticket about it (linked to the shipment, its order
 * and customer) and lands on it; pressing again, here or in the ticket's
 * customer panel, opens that same ticket rather than a second one. A parcel
 * that arrived offers no such button.
 */

/** A late shipment with no open ticket yet, read from SQL with the same rule the screen uses. */
function lateShipment(backroom: Backroom): { shipmentId: number; orderId: number; orderNumber: string } {
  const now = new Date().toISOString();
  const shipmentId = backroom.scalar<number>(
    `SELECT s.id FROM shipments s JOIN orders o ON o.id = s.order_id
      WHERE s.delivered_at IS NULL AND s.status NOT IN ('Delivered', 'Exception', 'AttemptFail')
        AND s.original_estimated_delivery_at < ? AND o.customer_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.shipment_id = s.id)
      ORDER BY s.status = 'Expired', s.original_estimated_delivery_at DESC LIMIT 1`,
    now,
  );
  expect(shipmentId, 'the demo store has a late shipment without a ticket').toBeGreaterThan(0);
  const orderId = backroom.scalar<number>('SELECT order_id FROM shipments WHERE id = ?', shipmentId);
  const orderNumber = backroom.scalar<string>('SELECT order_number FROM orders WHERE id = ?', orderId);
  return { shipmentId, orderId, orderNumber };
}

test.describe('tickets from delayed shipments', () => {
  test('a late shipment opens a ticket from the order drawer, and again finds the same one', async ({ page, backroom }, testInfo) => {
    const { shipmentId, orderId, orderNumber } = lateShipment(backroom);
    await openConsole(page, backroom, `/orders/${orderId}`);
    const card = page.locator(`[data-testid="order-shipment"][data-shipment-id="${shipmentId}"]`);
    await expect(card).toHaveAttribute('data-trouble', 'late');
    const button = card.getByTestId('shipment-open-ticket');
    await expect(button).toBeVisible();
    await card.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: shotPath('orders-drawer-shipment-ticket-en-light.png', testInfo) });

    await button.click();
    await expect(page).toHaveURL(/#\/service\/tickets\/\d+$/);
    const ticketId = Number(/tickets\/(\d+)$/.exec(page.url())?.[1]);
    await expect(page.getByTestId('ticket-page')).toHaveAttribute('data-ticket-id', String(ticketId));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Delayed shipment for order ${orderNumber}`);
    await expect(page.getByText(`Opened ticket #${ticketId}.`)).toBeVisible();
    expect(backroom.scalar('SELECT shipment_id FROM tickets WHERE id = ?', ticketId)).toBe(shipmentId);
    expect(backroom.scalar('SELECT order_id FROM tickets WHERE id = ?', ticketId)).toBe(orderId);
    expect(backroom.scalar('SELECT customer_id FROM tickets WHERE id = ?', ticketId))
      .toBe(backroom.scalar('SELECT customer_id FROM orders WHERE id = ?', orderId));

    // The ticket's customer panel lists the same parcel, with the same button: it finds this ticket.
    const row = page.locator(`[data-testid="customer-shipment"][data-shipment-id="${shipmentId}"]`);
    await expect(row).toHaveAttribute('data-trouble', 'late');
    await page.getByTestId('customer-shipments').screenshot({ path: shotPath('service-customer-shipment-ticket-en-light.png', testInfo) });
    await row.getByTestId('shipment-open-ticket').click();
    await expect(page.getByText(`Opened the existing ticket #${ticketId}.`)).toBeVisible();
    await expect(page.getByTestId('ticket-page')).toHaveAttribute('data-ticket-id', String(ticketId));

    // And from the order drawer again.
    await openConsole(page, backroom, `/orders/${orderId}`);
    await expect(page.getByTestId('order-tickets')).toContainText(`Delayed shipment for order ${orderNumber}`);
    await card.getByTestId('shipment-open-ticket').click();
    await expect(page).toHaveURL(new RegExp(`#/service/tickets/${ticketId}$`));
    await expect(page.getByText(`Opened the existing ticket #${ticketId}.`)).toBeVisible();
    expect(backroom.scalar('SELECT count(*) FROM tickets WHERE shipment_id = ?', shipmentId)).toBe(1);
  });

  test('a delivered shipment offers no ticket button', async ({ page, backroom }) => {
    const orderId = backroom.scalar<number>(
      `SELECT order_id FROM shipments GROUP BY order_id
        HAVING count(*) = 1 AND max(status) = 'Delivered' AND max(delivered_at) IS NOT NULL ORDER BY order_id LIMIT 1`,
    );
    await openConsole(page, backroom, `/orders/${orderId}`);
    await expect(page.getByTestId('order-shipment')).toHaveCount(1);
    await expect(page.getByTestId('order-shipment')).toHaveAttribute('data-trouble', '');
    await expect(page.getByTestId('shipment-open-ticket')).toHaveCount(0);
  });
});
