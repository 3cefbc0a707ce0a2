import { describe, expect, it } from 'vitest';
import { slaPolicy, type SlaPolicy } from '../../src/shared/contract';
import {
  describeMinutes,
  formToPolicy,
  policyToForm,
  validateSla,
} from '../../src/renderer/src/features/service/admin/sla/slaForm';
import { adminTabOf } from '../../src/renderer/src/features/service/admin/routes';
import { insertVariable, variablesIn } from '../../src/renderer/src/features/service/admin/macros/variables';
import { translate } from '../../src/renderer/src/i18n';

const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);

const targets = (first: number, next: number, resolution: number) => ({
  firstReplyMinutes: first, nextReplyMinutes: next, resolutionMinutes: resolution,
});

const POLICY: SlaPolicy = {
  version: 3,
  updatedAt: '2026-11-01T10:00:00.000Z',
  targets: { low: targets(480, 480, 4800), normal: targets(240, 240, 2400), high: targets(120, 120, 960), urgent: targets(60, 60, 480) },
  channelTargets: { chat: { low: targets(30, 30, 600), normal: targets(15, 15, 480), high: targets(10, 10, 240), urgent: targets(5, 5, 120) } },
  calendar: {
    timezone: 'America/Toronto',
    hours: [
      { day: 1, start: '09:00', end: '12:00' }, { day: 1, start: '13:00', end: '17:00' },
      { day: 5, start: '09:00', end: '17:00' }, { day: 0, start: '10:00', end: '14:00' },
    ],
    holidays: ['2026-12-25', '2026-07-01'],
    businessHoursOnly: true,
  },
  pauseStatuses: ['waiting_customer'],
  warningMinutes: 30,
};

/** The SLA editor holds hours and minutes and weekdays Monday first; what it sends must be the policy it was given. */
describe('SLA policy form', () => {
  it('reads a policy into the form and writes the same policy back', () => {
    const values = policyToForm(POLICY);
    expect(values.targets.urgent.firstReply).toEqual({ hours: 1, minutes: 0 });
    expect(values.targets.low.resolution).toEqual({ hours: 80, minutes: 0 });
    expect(values.days.map((d) => d.day)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(values.days[0]!.intervals.map((i) => `${i.start}-${i.end}`)).toEqual(['09:00-12:00', '13:00-17:00']);
    expect(values.holidays).toEqual(['2026-07-01', '2026-12-25']);
    const back = slaPolicy.parse(formToPolicy(values));
    const { version: _v, updatedAt: _u, ...expected } = POLICY;
    expect(back.targets).toEqual(expected.targets);
    expect(back.channelTargets).toEqual(expected.channelTargets);
    // Same intervals, now Monday-first: the core does not depend on their order.
    expect(new Set(back.calendar.hours.map((h) => JSON.stringify(h)))).toEqual(new Set(expected.calendar.hours.map((h) => JSON.stringify(h))));
    expect(back.pauseStatuses).toEqual(['waiting_customer']);
  });

  it('turns 30 minutes typed for an urgent first reply into a target of 30', () => {
    const values = policyToForm(POLICY);
    values.targets.urgent.firstReply = { hours: '', minutes: 30 };
    expect(formToPolicy(values).targets.urgent.firstReplyMinutes).toBe(30);
    expect(validateSla(values, t)).toEqual({});
  });

  it('puts the sentence for a closing time before the opening time on that interval of that day', () => {
    const values = policyToForm(POLICY);
    const friday = values.days.findIndex((d) => d.day === 5);
    values.days[friday]!.intervals[0]!.end = '08:00';
    expect(validateSla(values, t)).toEqual({
      [`days.${friday}.intervals.0.end`]: 'The closing time must be after the opening time.',
    });
  });

  it('says which target is empty or zero, and that the shop must open some day', () => {
    const values = policyToForm(POLICY);
    values.targets.high.resolution = { hours: '', minutes: '' };
    values.channels[0]!.targets.urgent.nextReply = { hours: 0, minutes: 0 };
    for (const day of values.days) day.intervals = [];
    const errors = validateSla(values, t);
    expect(errors['targets.high.resolution']).toBe('Fill this in.');
    expect(errors['channels.0.targets.urgent.nextReply']).toBe('A target must be at least one minute.');
    expect(errors['days']).toBe('Open at least one day a week.');
  });

  it('reads targets back in words, in days only for 24/7 service', () => {
    expect(describeMinutes(t, 30, false)).toBe('30 min');
    expect(describeMinutes(t, 150, false)).toBe('2 h 30 min');
    expect(describeMinutes(t, 4800, false)).toBe('80 h');
    expect(describeMinutes(t, 4800, true)).toBe('3 d 8 h');
  });
});

describe('macro variables', () => {
  it('marks variables that are not in the contract as unknown, once each', () => {
    expect(variablesIn('Hi {{customer.first_name}}, order {{ order.number }} {{order.numbr}} {{order.numbr}}')).toEqual([
      { name: 'customer.first_name', known: true },
      { name: 'order.number', known: true },
      { name: 'order.numbr', known: false },
    ]);
    expect(variablesIn('No variables { here }')).toEqual([]);
  });

  it('inserts a variable where the caret is, replacing a selection', () => {
    expect(insertVariable('Hi , thanks', 'customer.first_name', 3, 3)).toEqual({ body: 'Hi {{customer.first_name}}, thanks', caret: 26 });
    expect(insertVariable('Order XYZ shipped', 'order.number', 6, 9).body).toBe('Order {{order.number}} shipped');
  });
});

describe('service admin addresses', () => {
  it('opens the tab the address names, the SLA policy by default, and nothing for an unknown one', () => {
    expect(adminTabOf('/service/admin')).toBe('sla');
    expect(adminTabOf('/service/admin/')).toBe('sla');
    expect(adminTabOf('/service/admin/reports')).toBe('reports');
    expect(adminTabOf('/service/admin/kb/')).toBe('kb');
    expect(adminTabOf('/service/admin/nope')).toBeNull();
  });
});

describe('service admin messages', () => {
  it('has every Chinese message filled in, with the same {placeholders} as the English one', async () => {
    const { serviceAdminEn, serviceAdminZh } = await import('../../src/renderer/src/i18n/areas/service/admin');
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, english] of Object.entries(serviceAdminEn)) {
      const chinese = serviceAdminZh[key as keyof typeof serviceAdminEn];
      expect(chinese.trim(), key).not.toBe('');
      expect(placeholders(chinese), key).toEqual(placeholders(english));
      expect(key.startsWith('service.admin.'), key).toBe(true);
    }
  });
});
