import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { listReturns } from '../../src/main/domain/returns/list';
import { memoryDb } from '../helpers/db';
import { capturePlans } from '../helpers/plans';

/** The returns list walks an index in page order; it never sorts every return of the store. */
let connection: Connection;
beforeAll(async () => {
  connection = await memoryDb();
});
afterAll(() => connection.close());

const plan = (input: Parameters<typeof listReturns>[1]) =>
  capturePlans(connection.sqlite, (s) => listReturns(s, input), { selectsOnly: true }).join('\n');

describe('returns.list plans', () => {
  it('reads the newest page through returns_requested, without a sort', () => {
    const first = plan({ limit: 50 });
    expect(first).toMatch(/SCAN r USING INDEX returns_requested/);
    expect(first).not.toMatch(/TEMP B-TREE/);
  });

  it('reads one customer through returns_customer, without a sort', () => {
    const customer = plan({ limit: 50, customerId: 7 });
    expect(customer).toMatch(/SEARCH r USING INDEX returns_customer/);
    expect(customer).not.toMatch(/TEMP B-TREE/);
  });
});
