import type { Page } from '@playwright/test';
import { expect, openConsole, test, type Backroom } from './fixtures';
import { shotPath } from './shots';

/**
 * A customer answers the satisfaction question by phone or mail, and staff
 * record it on the solved ticket: the score and comment land on the ticket,
 * in the feedback inbox (source 'csat') and in the CSAT report. A code that
 * was answered meanwhile elsewhere is refused with the core's sentence, and
 * the ticket then shows the answer that counts.
 */

interface TicketDetail { id: number; version: number }
interface CsatReportRow { key: string; requests: number; responses: number }
interface CsatReport { byWeek: CsatReportRow[]; byStaff: CsatReportRow[]; recentComments: { ticketId: number; score: number; comment: string }[] }

const OWNER_ID = 1;

/** A ticket for a customer with an order, solved through the contract (setup): solving records the request. */
async function solvedTicket(backroom: Backroom, subject: string): Promise<{ id: number; code: string }> {
  const customerId = backroom.scalar<number>(
    'SELECT c.id FROM customers c JOIN orders o ON o.customer_id = c.id ORDER BY o.placed_at DESC LIMIT 1',
  );
  const created = (await backroom.invoke('tickets.create', {
    staffId: OWNER_ID,
    source: { kind: 'manual', channel: 'phone', subject, customerId },
    assigneeId: OWNER_ID,
    message: { body: 'The parcel arrived, thanks for chasing it.', author: 'customer' },
    idempotencyKey: `e2e-csat-${subject}-${Date.now()}`,
  })) as TicketDetail;
  await backroom.invoke('tickets.update', {
    id: created.id, staffId: OWNER_ID, expectedVersion: created.version, patch: { status: 'solved' },
  });
  const code = backroom.scalar<string>('SELECT code FROM csat_requests WHERE ticket_id = ?', created.id);
  expect(code).toBeTruthy();
  return { id: created.id, code };
}

const responses = (rows: CsatReportRow[], key?: string) =>
  rows.filter((row) => key === undefined || row.key === key).reduce((sum, row) => sum + row.responses, 0);

async function chooseScore(page: Page, score: number) {
  // Mantine's Rating: one visually hidden radio per star, named by getSymbolLabel; the star is its label.
  const radio = page.getByTestId('ticket-csat-rating').getByLabel(`${score} of 5`, { exact: true });
  await page.locator(`label[for="${await radio.getAttribute('id')}"]`).click();
  await expect(radio).toBeChecked();
}

test.describe('CSAT answers on the ticket', () => {
  test('staff record a 4-star answer with a comment; the ticket, the inbox and the report count it', async ({ page, backroom }, testInfo) => {
    const ticket = await solvedTicket(backroom, 'E2E CSAT by phone');
    const before = (await backroom.invoke('csat.report', {})) as CsatReport;

    await openConsole(page, backroom, `/service/tickets/${ticket.id}`);
    await expect(page.getByTestId('ticket-csat-code')).toHaveText(ticket.code);
    const form = page.getByTestId('ticket-csat-form');
    await expect(form).toBeVisible();
    // No score, nothing to send.
    await expect(page.getByTestId('ticket-csat-save')).toBeDisabled();
    await chooseScore(page, 4);
    await page.getByTestId('ticket-csat-comment').fill('Quick and friendly, thank you.');
    await page.getByTestId('ticket-csat').screenshot({ path: shotPath('service-csat-form-en-light.png', testInfo) });
    await page.getByTestId('ticket-csat-save').click();

    const answer = page.getByTestId('ticket-csat-answer');
    await expect(answer).toHaveAttribute('data-score', '4');
    await expect(page.getByTestId('ticket-csat-score')).toHaveText('Answered: 4 of 5');
    await expect(page.getByTestId('ticket-csat-answer-comment')).toHaveText('Quick and friendly, thank you.');
    await expect(form).toHaveCount(0);
    await expect(page.getByTestId('ticket-csat-error')).toHaveCount(0);

    expect(backroom.scalar('SELECT csat_score FROM tickets WHERE id = ?', ticket.id)).toBe(4);
    const feedbackId = backroom.scalar<number>('SELECT feedback_id FROM csat_requests WHERE ticket_id = ?', ticket.id);
    expect(feedbackId).toBeGreaterThan(0);
    expect(backroom.scalar("SELECT count(*) FROM feedback WHERE ticket_id = ? AND source = 'csat'", ticket.id)).toBe(1);
    expect(backroom.scalar('SELECT rating FROM feedback WHERE id = ?', feedbackId)).toBe(4);
    expect(backroom.scalar('SELECT body FROM feedback WHERE id = ?', feedbackId)).toBe('Quick and friendly, thank you.');
    expect(backroom.scalar("SELECT source FROM feedback WHERE id = ?", feedbackId)).toBe('csat');

    const after = (await backroom.invoke('csat.report', {})) as CsatReport;
    expect(responses(after.byWeek)).toBe(responses(before.byWeek) + 1);
    expect(responses(after.byStaff, String(OWNER_ID))).toBe(responses(before.byStaff, String(OWNER_ID)) + 1);
    expect(after.recentComments).toContainEqual(expect.objectContaining({ ticketId: ticket.id, score: 4, comment: 'Quick and friendly, thank you.' }));

    await answer.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.getByTestId('ticket-csat').screenshot({ path: shotPath('service-csat-answer-en-light.png', testInfo) });
    await page.screenshot({ path: shotPath('service-csat-ticket-en-light.png', testInfo), fullPage: true });
  });

  test('an answer already given elsewhere is refused with the core’s sentence, and that answer shows', async ({ page, backroom }) => {
    const ticket = await solvedTicket(backroom, 'E2E CSAT answered twice');
    // Another window, without live updates: it does not hear of the answer given on the shop's page.
    await page.route('**/api/events**', (route) => route.abort());
    await openConsole(page, backroom, `/service/tickets/${ticket.id}`);
    await expect(page.getByTestId('ticket-csat-form')).toBeVisible();
    await backroom.invoke('csat.respond', { code: ticket.code, score: 5, comment: 'Answered on the shop page.' });

    await chooseScore(page, 2);
    await page.getByTestId('ticket-csat-save').click();
    await expect(page.getByTestId('ticket-csat-error')).toHaveText(
      `The satisfaction request ${ticket.code} was already answered; each code takes one answer.`,
    );
    await expect(page.getByTestId('ticket-csat-answer')).toHaveAttribute('data-score', '5');
    await expect(page.getByTestId('ticket-csat-answer-comment')).toHaveText('Answered on the shop page.');
    expect(backroom.scalar('SELECT csat_score FROM tickets WHERE id = ?', ticket.id)).toBe(5);
    expect(backroom.scalar("SELECT count(*) FROM feedback WHERE ticket_id = ? AND source = 'csat'", ticket.id)).toBe(1);
  });
});
