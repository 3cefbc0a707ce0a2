import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { loadTrainingData } from '../../src/main/domain/recommend/data';
import { customerFacts, customerHistory } from '../../src/main/domain/recommend/history';
import { memoryDb } from '../helpers/db';
import { capturePlans } from '../helpers/plans';
import { seedShop } from './recs-core-fixtures';

/**
 * The recs core's hot queries on a 1M-order store: the training scan reads
 * orders in time order from the covering orders_placed index (no sort of a
 * million rows), and a customer's preview reaches their orders and lines by index.
 */
let connection: Connection;
beforeEach(async () => {
  connection = await memoryDb();
  seedShop(connection.sqlite);
  connection.sqlite.exec('ANALYZE');
});
afterEach(() => connection.close());

describe('query plans', () => {
  it('loads training data without sorting orders or lines', () => {
    const plans = capturePlans(connection.sqlite, (sqlite) => loadTrainingData(sqlite), { selectsOnly: true });
    const orders = plans.find((plan) => plan.includes('orders_placed'));
    expect(orders).toMatch(/COVERING INDEX orders_placed/);
    for (const plan of plans) expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('reads one customer\'s history through their orders and the lines of each', () => {
    const plans = capturePlans(connection.sqlite, (sqlite) => customerHistory(sqlite, customerFacts(sqlite, 1).customerIds), { selectsOnly: true });
    const history = plans.find((plan) => plan.includes('order_lines'))!;
    expect(history).toMatch(/SEARCH o USING INDEX orders_customer/);
    expect(history).toMatch(/SEARCH l USING INDEX order_lines_order/);
    for (const plan of plans) expect(plan).not.toMatch(/SCAN (o|orders|l|order_lines|customers)\b(?! USING)/);
  });
});
