import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { AGENT, AGENT_2, MANAGER, OWNER, errorOf, putTicket, serviceCaller, serviceShop } from './tickets-fixtures';

let connection: Connection;
let call: ReturnType<typeof serviceCaller>;
beforeEach(async () => {
  connection = await serviceShop();
  call = serviceCaller(connection);
});
afterEach(() => connection.close());

const person = (over: Record<string, unknown> = {}) => ({
  actingStaffId: MANAGER, name: 'Nia New', email: 'nia@example.com', role: 'agent' as const, capacity: 15, active: true, ...over,
});

describe('staff.list', () => {
  it('lists the active team with each person\'s open tickets', () => {
    putTicket(connection.sqlite, { id: 1, assigneeId: AGENT });
    putTicket(connection.sqlite, { id: 2, assigneeId: AGENT, status: 'waiting_customer' });
    putTicket(connection.sqlite, { id: 3, assigneeId: AGENT, status: 'solved' });
    putTicket(connection.sqlite, { id: 4, assigneeId: AGENT_2 });
    const team = call('staff.list', {});
    expect(team.map((s) => [s.id, s.role, s.openTickets])).toEqual([
      [OWNER, 'owner', 0], [MANAGER, 'manager', 0], [AGENT, 'agent', 2], [AGENT_2, 'agent', 1],
    ]);
    expect(call('staff.list', { includeInactive: true })).toHaveLength(5);
  });
});

describe('staff.save', () => {
  it('lets a manager add and edit an agent, from the version seen', () => {
    const added = call('staff.save', person());
    expect(added).toMatchObject({ name: 'Nia New', role: 'agent', capacity: 15, active: true, openTickets: 0, version: 1 });
    const edited = call('staff.save', person({ id: added.id, expectedVersion: 1, capacity: 30 }));
    expect(edited).toMatchObject({ capacity: 30, version: 2 });
    const stale = errorOf(() => call('staff.save', person({ id: added.id, expectedVersion: 1, capacity: 5 })));
    expect(stale.code).toBe('CONFLICT');
    expect((stale.details as { current: { capacity: number } }).current.capacity).toBe(30);
  });

  it('refuses agents, managers touching owners, and a second person with the same e-mail', () => {
    const byAgent = errorOf(() => call('staff.save', person({ actingStaffId: AGENT })));
    expect(byAgent).toMatchObject({ code: 'VALIDATION', message: 'Only owners and managers may add or edit staff members.' });
    expect(errorOf(() => call('staff.save', person({ role: 'owner' }))).code).toBe('VALIDATION');
    expect(errorOf(() => call('staff.save', person({ email: 'ANN@example.com' }))).code).toBe('VALIDATION');
    expect(call('staff.list', { includeInactive: true })).toHaveLength(5);
  });

  it('keeps at least one active owner', () => {
    const refused = errorOf(() => call('staff.save', person({ actingStaffId: OWNER, id: OWNER, expectedVersion: 1,
      name: 'Olive Owner', email: 'olive@example.com', role: 'manager' })));
    expect(refused.message).toBe('The shop needs at least one active owner; make someone else an owner first.');
    expect(call('staff.list', {})[0]).toMatchObject({ role: 'owner', version: 1 });
    call('staff.save', person({ actingStaffId: OWNER, id: MANAGER, expectedVersion: 1, name: 'Max Manager', email: 'max@example.com', role: 'owner' }));
    const stepDown = call('staff.save', person({ actingStaffId: OWNER, id: OWNER, expectedVersion: 1, name: 'Olive Owner',
      email: 'olive@example.com', role: 'manager' }));
    expect(stepDown.role).toBe('manager');
  });
});

describe('service.settings', () => {
  it('round-robin is on until an owner or manager turns it off; agents may not', () => {
    expect(call('service.settings.get', {})).toEqual({ autoAssign: true });
    const byAgent = errorOf(() => call('service.settings.update', { staffId: AGENT, autoAssign: false }));
    expect(byAgent.message).toBe('Only owners and managers may change how tickets are assigned.');
    expect(call('service.settings.update', { staffId: MANAGER, autoAssign: false })).toEqual({ autoAssign: false });
    const ticket = call('tickets.create', { staffId: AGENT, idempotencyKey: 'k', source: { kind: 'manual', subject: 'Hello' } });
    expect(ticket.assignee).toBeNull();
    expect(call('service.settings.get', {})).toEqual({ autoAssign: false });
  });
});
