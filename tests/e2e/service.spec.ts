import type { Page } from '@playwright/test';
import { expect, openConsole, test, type Backroom } from './fixtures';

/**
 * The agents' workspace end to end: the "breaching SLA" queue worked from
 * take to solve with the counts following, a stale save that shows the
 * conflict and overwrites nothing, the unknown-variable warning before a
 * reply goes out, and a bulk close undone. Each test makes its own tickets
 * through the contract (setup, not the thing under test) and checks what the
 * screen did against SQL.
 */

interface TicketDetail { id: number; version: number; status: string; priority: string; customer: { id: number; name: string | null } | null }
interface SlaPolicy { version: number; targets: Record<string, Record<string, number>>; channelTargets: object; calendar: Record<string, unknown>; pauseStatuses: string[]; warningMinutes: number }

const OWNER_ID = 1;
let runId = 0;

/** A customer with a named first name and an order: the macro has something to fill in. */
function customerWithOrder(backroom: Backroom): { customerId: number; orderId: number; firstName: string } {
  const customerId = backroom.scalar<number>(
    `SELECT c.id FROM customers c JOIN orders o ON o.customer_id = c.id
      WHERE c.first_name IS NOT NULL AND c.first_name <> '' ORDER BY o.placed_at DESC LIMIT 1`,
  );
  const orderId = backroom.scalar<number>('SELECT id FROM orders WHERE customer_id = ? ORDER BY placed_at DESC LIMIT 1', customerId);
  const firstName = backroom.scalar<string>('SELECT first_name FROM customers WHERE id = ?', customerId);
  return { customerId, orderId, firstName };
}

async function newTicket(backroom: Backroom, subject: string, extra: { priority?: string; tags?: string[]; withOrder?: boolean } = {}): Promise<TicketDetail> {
  const { customerId, orderId: order } = customerWithOrder(backroom);
  const orderId = extra.withOrder === false ? undefined : order;
  runId += 1;
  return (await backroom.invoke('tickets.create', {
    staffId: OWNER_ID,
    source: { kind: 'manual', channel: 'email', subject, customerId, orderId },
    priority: extra.priority ?? 'normal',
    assigneeId: null,
    tags: extra.tags ?? [],
    message: { body: 'Where is my parcel? It has been a week.', author: 'customer' },
    idempotencyKey: `e2e-${subject}-${runId}-${Date.now()}`,
  })) as TicketDetail;
}

async function saveMacro(backroom: Backroom, name: string, body: string): Promise<number> {
  const macro = (await backroom.invoke('macros.save', { staffId: OWNER_ID, name, language: 'en', body, actions: {} })) as { id: number };
  return macro.id;
}

/** Around the clock, urgent first replies due in 20 minutes, amber from an hour before: a new urgent ticket is "about to breach". */
async function tightSlaPolicy(backroom: Backroom): Promise<void> {
  const policy = (await backroom.invoke('sla.policies.get', {})) as SlaPolicy;
  const { version, ...rest } = policy as SlaPolicy & { updatedAt?: unknown };
  delete (rest as { updatedAt?: unknown }).updatedAt;
  await backroom.invoke('sla.policies.update', {
    staffId: OWNER_ID,
    expectedVersion: version,
    policy: {
      ...rest,
      calendar: { ...policy.calendar, businessHoursOnly: false },
      targets: { ...policy.targets, urgent: { firstReplyMinutes: 20, nextReplyMinutes: 20, resolutionMinutes: 240 } },
      warningMinutes: 60,
    },
  });
}

const queueCount = async (page: Page, queue: string): Promise<number> => {
  const link = page.getByTestId(`queue-${queue}`);
  await expect(link).not.toHaveAttribute('data-count', '');
  return Number(await link.getAttribute('data-count'));
};

async function openQueue(page: Page, backroom: Backroom, queue: string) {
  await openConsole(page, backroom, `/service/${queue}`);
  await expect(page.getByTestId('service-queues')).toBeVisible();
}

async function searchTickets(page: Page, words: string) {
  await page.getByTestId('tickets-search').fill(words);
  await page.getByTestId('tickets-search').press('Enter');
}

test.describe('service desk', () => {
  test.beforeAll(async ({ backroom }) => {
    await tightSlaPolicy(backroom);
  });

  test('an agent takes a breaching ticket, answers with a macro, solves it, and the counts follow', async ({ page, backroom }) => {
    const ticket = await newTicket(backroom, 'E2E breaching parcel', { priority: 'urgent' });
    const { firstName } = customerWithOrder(backroom);
    await saveMacro(backroom, 'E2E where is my order', 'Hi {{customer.first_name}}, your order {{order.number}} is on its way.');

    await openQueue(page, backroom, 'sla_breaching');
    const breachingBefore = await queueCount(page, 'sla_breaching');
    const openBefore = await queueCount(page, 'all_open');
    expect(breachingBefore).toBeGreaterThan(0);

    await searchTickets(page, 'E2E breaching parcel');
    const row = page.getByTestId('tickets-table-row').filter({ hasText: 'E2E breaching parcel' });
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('sla-badge')).toHaveAttribute('data-state', /warning|breached/);
    await row.getByTestId('ticket-take').click();
    await expect(row.getByTestId('ticket-assignee')).toHaveText('Maya Tremblay');
    expect(backroom.scalar('SELECT assignee_id FROM tickets WHERE id = ?', ticket.id)).toBe(OWNER_ID);

    await row.getByTestId('ticket-subject').click();
    await expect(page.getByTestId('ticket-page')).toHaveAttribute('data-ticket-id', String(ticket.id));
    await expect(page.getByTestId('customer-panel')).toBeVisible();
    await page.getByTestId('macro-picker').click();
    await page.getByRole('option', { name: 'E2E where is my order' }).click();
    const body = page.getByTestId('composer-body');
    await expect(body).toHaveValue(new RegExp(`^Hi ${firstName}, your order \\S+ is on its way\\.$`));
    await expect(page.getByTestId('variable-warning')).toHaveCount(0);

    await page.getByTestId('composer-send-solve').click();
    await expect(page.getByTestId('ticket-status-badge')).toHaveText('Solved');
    await expect(page.getByTestId('message').last()).toContainText(`Hi ${firstName}, your order`);
    await expect(page.getByTestId('ticket-csat-code')).toHaveText(backroom.scalar<string>('SELECT code FROM csat_requests WHERE ticket_id = ?', ticket.id));
    expect(backroom.scalar('SELECT status FROM tickets WHERE id = ?', ticket.id)).toBe('solved');

    await page.getByTestId('ticket-back').click();
    await page.getByTestId('queue-sla_breaching').click();
    await expect(page.getByTestId('queue-sla_breaching')).toHaveAttribute('data-count', String(breachingBefore - 1));
    await expect(page.getByTestId('queue-all_open')).toHaveAttribute('data-count', String(openBefore - 1));
  });

  test('a stale save shows the conflict and the current values, and overwrites nothing', async ({ page, backroom }) => {
    const ticket = await newTicket(backroom, 'E2E conflict');
    await openConsole(page, backroom, `/service/tickets/${ticket.id}`);
    await expect(page.getByTestId('ticket-controls')).toHaveAttribute('data-version', String(ticket.version));

    // The agent starts an edit here…
    await page.getByTestId('ticket-priority-select').click();
    await page.getByRole('option', { name: 'High' }).click();
    // …while someone else changes the ticket behind the page's back.
    await backroom.invoke('tickets.update', {
      id: ticket.id, staffId: 2, expectedVersion: ticket.version, patch: { priority: 'urgent', status: 'waiting_third_party', tags: ['vip'] },
    });
    await page.getByTestId('ticket-save').click();

    const conflict = page.getByTestId('ticket-conflict');
    await expect(conflict).toContainText('Someone else changed this ticket');
    await expect(conflict).toContainText('Priority: Urgent');
    await expect(conflict).toContainText('Status: Waiting on third party');
    await expect(conflict).toContainText('Tags: vip');
    expect(backroom.scalar('SELECT priority FROM tickets WHERE id = ?', ticket.id)).toBe('urgent');
    expect(backroom.scalar('SELECT status FROM tickets WHERE id = ?', ticket.id)).toBe('waiting_third_party');

    await page.getByTestId('ticket-conflict-reload').click();
    await expect(conflict).toHaveCount(0);
    await expect(page.getByTestId('ticket-priority-select')).toHaveValue('Urgent');
  });

  test('unknown and empty variables are shown before anything is sent', async ({ page, backroom }) => {
    // No order on the ticket: {{order.number}} has no value here.
    const ticket = await newTicket(backroom, 'E2E variables', { withOrder: false });
    await saveMacro(backroom, 'E2E nickname', 'Hello {{customer.nickname}}, about {{order.number}}.');
    const messages = () => backroom.scalar<number>('SELECT count(*) FROM ticket_messages WHERE ticket_id = ?', ticket.id);
    const before = messages();
    await openConsole(page, backroom, `/service/tickets/${ticket.id}`);

    await page.getByTestId('macro-picker').click();
    await page.getByRole('option', { name: 'E2E nickname' }).click();
    const warning = page.getByTestId('variable-warning');
    await expect(warning).toBeVisible();
    await expect(page.getByTestId('variable-warning-unknown')).toContainText('{{customer.nickname}}');
    await expect(page.getByTestId('variable-warning-empty')).toContainText('{{order.number}}');
    await expect(page.getByTestId('composer-body')).toHaveValue('Hello {{customer.nickname}}, about .');
    await expect(page.getByTestId('composer-send')).toHaveText('Send anyway');
    expect(messages()).toBe(before);

    // Typed by hand: the first press only checks; nothing goes out until the agent has seen the warning.
    await page.getByTestId('composer-body').fill('Thanks! Your colour is {{order.colour}}.');
    await expect(warning).toHaveCount(0);
    await page.getByTestId('composer-send').click();
    await expect(page.getByTestId('variable-warning-unknown')).toContainText('{{order.colour}}');
    expect(messages()).toBe(before);
    await page.getByTestId('composer-send').click();
    await expect(page.getByTestId('message').last()).toContainText('Your colour is {{order.colour}}.');
    expect(messages()).toBe(before + 1);
  });

  test("a customer's call logged by the agent reopens the ticket and owes them a reply", async ({ page, backroom }) => {
    const ticket = await newTicket(backroom, 'E2E callback');
    const waiting = (await backroom.invoke('tickets.reply', {
      ticketId: ticket.id, staffId: OWNER_ID, body: 'Could you send a photo of the label?', expectedVersion: ticket.version,
      idempotencyKey: `e2e-callback-${Date.now()}`,
    })) as TicketDetail;
    expect(waiting.status).toBe('waiting_customer');
    await openConsole(page, backroom, `/service/tickets/${ticket.id}`);
    await page.getByTestId('composer-visibility').getByText('Customer said').click();
    await expect(page.getByTestId('composer-send-solve')).toHaveCount(0);
    await page.getByTestId('composer-body').fill('Called back: the label is torn, will email a photo tonight.');
    await page.getByTestId('composer-send').click();
    await expect(page.getByTestId('message').last()).toHaveAttribute('data-author', 'customer');
    await expect(page.getByTestId('message').last()).toContainText('the label is torn');
    await expect(page.getByTestId('ticket-status-badge')).toHaveText('Open');
    expect(backroom.scalar<string>('SELECT status FROM tickets WHERE id = ?', ticket.id)).toBe('open');
    expect(backroom.scalar<string | null>('SELECT next_reply_due_at FROM tickets WHERE id = ?', ticket.id)).not.toBeNull();
  });

  test('a bulk close is undone by Undo', async ({ page, backroom }) => {
    const tag = `e2e-bulk-${Date.now() % 100000}`;
    const first = await newTicket(backroom, 'E2E bulk one', { tags: [tag] });
    const second = await newTicket(backroom, 'E2E bulk two', { tags: [tag] });
    const statuses = () => [first.id, second.id].map((id) => backroom.scalar<string>('SELECT status FROM tickets WHERE id = ?', id));
    const original = statuses();

    await openQueue(page, backroom, 'all_open');
    await page.getByTestId('tickets-filter-tag').fill(tag);
    await page.getByTestId('tickets-filter-tag').press('Enter');
    const rows = page.getByTestId('tickets-table-row');
    await expect(rows).toHaveCount(2);

    // One ticked with the mouse, the other from the keyboard (j moves down, x ticks).
    await rows.nth(0).getByTestId('ticket-select').click();
    await page.getByTestId('tickets-table').focus();
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await expect(page.getByTestId('bulk-count')).toHaveText('2 ticked');

    await page.getByTestId('bulk-close').click();
    await expect(page.getByTestId('bulk-done')).toBeVisible();
    await expect(page.getByTestId('tickets-empty')).toBeVisible();
    expect(statuses()).toEqual(['closed', 'closed']);

    await page.getByTestId('bulk-undo').click();
    await expect(rows).toHaveCount(2);
    expect(statuses()).toEqual(original);
  });
});
