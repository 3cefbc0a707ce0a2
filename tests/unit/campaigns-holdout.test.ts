import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { holdoutArm } from '../../src/main/domain/campaigns/holdout';
import { launchCampaign } from '../../src/main/domain/campaigns/launch';
import { memoryDb } from '../helpers/db';
import { count, createDraft, NOW, seedShop } from './campaigns-fixtures';

/** The holdout: a pure function of the campaign's kept salt and the customer, with the share the merchant set. */
describe('holdoutArm', () => {
  it('puts the same customer on the same side on every evaluation', () => {
    for (let id = 1; id <= 2_000; id++) {
      const first = holdoutArm('salt-a', id, 10);
      for (let again = 0; again < 3; again++) expect(holdoutArm('salt-a', id, 10)).toBe(first);
    }
  });

  it.each([5, 10, 25, 50])('keeps a %i percent holdout of an audience of 20,000 within one percentage point', (percent) => {
    for (const salt of ['3f9a', 'another-campaign', 'x']) {
      let held = 0;
      for (let id = 1; id <= 20_000; id++) if (holdoutArm(salt, id, percent) === 'holdout') held++;
      expect(Math.abs((held / 20_000) * 100 - percent), `salt ${salt}`).toBeLessThan(1);
    }
  });

  it('holds nobody out at 0 % and splits differently under another salt', () => {
    const ids = Array.from({ length: 1_000 }, (_, i) => i + 1);
    expect(ids.filter((id) => holdoutArm('s', id, 0) === 'holdout')).toEqual([]);
    const a = ids.filter((id) => holdoutArm('s1', id, 20) === 'holdout');
    const b = ids.filter((id) => holdoutArm('s2', id, 20) === 'holdout');
    expect(a).not.toEqual(b);
  });
});

describe('the frozen arms at launch', () => {
  let connection: Connection;
  beforeEach(async () => {
    connection = await memoryDb();
    seedShop(connection.sqlite, 12_000);
  });
  afterEach(() => connection.close());

  it('freezes each member in the arm holdoutArm gives, the holdout share within a point, and a copy with the same salt splits the same', () => {
    const { sqlite } = connection;
    const first = createDraft(sqlite, { mechanics: [{ kind: 'bonus', points: 5 }] });
    const copy = createDraft(sqlite, { name: 'Copy' });
    // A copy keeps the original's salt (as a "duplicate campaign" would): its members fall the same way.
    sqlite.prepare('UPDATE campaigns SET holdout_salt = (SELECT holdout_salt FROM campaigns WHERE id = ?) WHERE id = ?').run(first.id, copy.id);
    const a = launchCampaign(sqlite, { id: first.id, staffId: 7, launchKey: 'launch-first' }, NOW);
    const b = launchCampaign(sqlite, { id: copy.id, staffId: 7, launchKey: 'launch-copy' }, NOW);
    expect(a.treatment + a.holdout).toBe(12_000);
    expect(Math.abs((a.holdout / 12_000) * 100 - 10)).toBeLessThan(1);
    const salt = sqlite.prepare('SELECT holdout_salt FROM campaigns WHERE id = ?').pluck().get(first.id) as string;
    const members = sqlite.prepare('SELECT customer_id AS id, arm FROM campaign_members WHERE campaign_id = ?').all(first.id) as
      { id: number; arm: string }[];
    for (const member of members) expect(member.arm).toBe(holdoutArm(salt, member.id, 10));
    expect(b.holdout).toBe(a.holdout);
    expect(count(sqlite, `SELECT count(*) FROM campaign_members x JOIN campaign_members y
      ON y.customer_id = x.customer_id AND y.campaign_id = ? WHERE x.campaign_id = ? AND x.arm <> y.arm`, copy.id, first.id)).toBe(0);
  });
});
