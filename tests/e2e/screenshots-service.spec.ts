import { expect, openConsole, test, type Backroom } from './fixtures';
import { shotPath } from './shots';

/**
 * The service desk at 1440×900 on the 100,000-order demo store, whose queues
 * hold what a real shop's would (the small store answers a few tickets a month,
 * and other specs add test tickets to it). Pictures are taken once the screen
 * shows its data (see shots.ts for where they go).
 */
test.use({ demoSize: 'medium', viewport: { width: 1440, height: 900 } });

const OWNER_ID = 1;

/** A recent customer with an order that shipped: a customer panel worth showing. */
function shippedCustomer(backroom: Backroom): { customerId: number; orderId: number } {
  const orderId = backroom.scalar<number>(
    `SELECT o.id FROM orders o JOIN shipments s ON s.order_id = o.id
      WHERE o.customer_id IS NOT NULL ORDER BY o.placed_at DESC LIMIT 1`,
  );
  return { orderId, customerId: backroom.scalar<number>('SELECT customer_id FROM orders WHERE id = ?', orderId) };
}

test.describe('service desk screenshots', () => {
  test.afterAll(async ({ backroom }) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'auto' });
  });

  test('service-queues-en-light.png', async ({ page, backroom }, testInfo) => {
    await backroom.invoke('settings.update', { locale: 'en', colorScheme: 'light' });
    await openConsole(page, backroom, '/service/all_open');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
    await expect(page.getByTestId('tickets-table-row').first()).toBeVisible();
    await page.screenshot({ path: shotPath('service-queues-en-light.png', testInfo) });
  });

  test('service-ticket-zh-dark.png', async ({ page, backroom }, testInfo) => {
    const { customerId, orderId } = shippedCustomer(backroom);
    const ticket = (await backroom.invoke('tickets.create', {
      staffId: OWNER_ID,
      source: { kind: 'manual', channel: 'chat', subject: '包裹还没到', customerId, orderId },
      priority: 'high',
      tags: ['shipping'],
      message: { body: '你好，我的包裹一周了还没到，能帮我查一下吗？', author: 'customer' },
      idempotencyKey: `shot-ticket-${Date.now()}`,
    })) as { id: number; version: number };
    const replied = (await backroom.invoke('tickets.reply', {
      ticketId: ticket.id, staffId: OWNER_ID, body: '您好，我们已在查询您的包裹，今天内给您答复。', visibility: 'public', status: 'open',
      expectedVersion: ticket.version, idempotencyKey: `shot-reply-${Date.now()}`,
    })) as { version: number };
    await backroom.invoke('tickets.reply', {
      ticketId: ticket.id, staffId: OWNER_ID, body: '已联系快递公司，今天会有更新。', visibility: 'internal',
      attachments: [{ name: '快递回复.png', path: 'D:\\Service\\courier-reply.png' }],
      expectedVersion: replied.version, idempotencyKey: `shot-note-${Date.now()}`,
    });
    await backroom.invoke('settings.update', { locale: 'zh-CN', colorScheme: 'dark' });
    await openConsole(page, backroom, `/service/tickets/${ticket.id}`);
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await expect(page.getByTestId('customer-panel')).toBeVisible();
    await expect(page.getByTestId('customer-orders')).toBeVisible();
    await page.waitForTimeout(500);
    await page.screenshot({ path: shotPath('service-ticket-zh-dark.png', testInfo) });
  });
});
