import { useMemo } from 'react';
import { useI18n, type I18n, type Translate } from '../../i18n';
import { resourceLabel, syncErrorSentence } from './labels';
import { recordProblem } from './record-problems';
import { useSyncTime } from './time';

/**
 * The core words sync failures and the run log as English sentences (the
 * connectors' refusals, the engine's log lines). In English they are shown
 * as they came; in another language the known ones are said again in it,
 * recognised by their English wording, with the platform's own words (what
 * WooCommerce or Shopify said) kept as they are. A sentence no rule knows is
 * shown as it came rather than hidden.
 */
type Groups = Record<string, string | undefined>;

interface Say {
  t: Translate;
  number: (value: string | undefined) => string;
  resource: (name: string | undefined) => string;
  at: (iso: string) => string;
  /** Another sentence inside this one (a retried failure), said the same way. */
  again: (message: string) => string;
}

type Rule = [RegExp, (g: Groups, say: Say) => string];

/** Chinese runs sentences together without spaces. */
const join = (...parts: string[]): string => parts.filter((part) => part !== '').join('');

/** The platform's own words, quoted; a full stop after them unless they end a sentence themselves. */
const said = (say: Say, platform: string, words: string | undefined): string =>
  (words ? say.t('sync.msg.said', { platform, said: words, end: /[.!?。！？]$/.test(words) ? '' : '。' }) : '');

const RULES: Rule[] = [
  // A failure the engine retries wraps the connector's sentence: first, so the inner one is said within it.
  [/^(?<message>.*) Trying again in (?<n>\d+) s \(attempt (?<attempt>\d+) of (?<attempts>\d+)\)\.$/s,
    (g, s) => s.t('sync.msg.retrying', { message: s.again(g.message!), n: s.number(g.n), attempt: s.number(g.attempt),
      attempts: s.number(g.attempts) })],
  // Connectors: WooCommerce.
  [/^WooCommerce refused the API keys\.(?: WooCommerce said: "(?<said>.*?)")? Check the consumer key and secret .*? read\/write access\.(?<stripped> If the keys are right.*)?$/s,
    (g, s) => join(s.t('sync.msg.wooKeys'), said(s, 'WooCommerce', g.said), s.t('sync.msg.wooKeysCheck'),
      g.stripped ? s.t('sync.msg.wooStripped') : '')],
  [/^WooCommerce refused the request \(HTTP (?<status>\d+)\)\.(?: WooCommerce said: "(?<said>.*)")?$/s,
    (g, s) => join(s.t('sync.msg.wooRefused', { status: g.status! }), said(s, 'WooCommerce', g.said))],
  [/^The shop answered with an error \(HTTP (?<status>\d+)\)\.(?: WooCommerce said: "(?<said>.*)")?$/s,
    (g, s) => join(s.t('sync.msg.shopError', { status: g.status! }), said(s, 'WooCommerce', g.said))],
  [/^The shop has no WooCommerce REST API at this address/, (_, s) => s.t('sync.msg.wooNoApi')],
  [/^The shop answered with something that is not JSON/, (_, s) => s.t('sync.msg.notJson')],
  [/^The shop asked Backroom to slow down; trying again in (?<n>\d+) seconds\.$/, (g, s) => s.t('sync.msg.slowDown', { n: s.number(g.n) })],
  [/^The shop did not answer within (?<limit>.+)\.$/, (g, s) => s.t('sync.msg.shopTimeout', { limit: g.limit! })],
  [/^Could not reach the shop at (?<host>\S+) \((?<cause>.*)\)\.$/s, (g, s) => s.t('sync.msg.shopUnreachable', { host: g.host!, cause: g.cause! })],
  // Shopify.
  [/^Shopify refused the access token(?: \("(?<said>.*)"\))?\. Check that the whole/s,
    (g, s) => join(s.t('sync.msg.shopifyToken'), said(s, 'Shopify', g.said))],
  [/^Shopify refused access(?: \("(?<said>.*)"\))?: the app is missing a scope/s,
    (g, s) => join(s.t('sync.msg.shopifyScope'), said(s, 'Shopify', g.said))],
  [/^There is no Shopify Admin API at this address/, (_, s) => s.t('sync.msg.shopifyNoApi')],
  [/^Shopify could not be reached \((?<cause>.*)\)\.$/s, (g, s) => s.t('sync.msg.shopifyUnreachable', { cause: g.cause! })],
  [/^Shopify did not answer within (?<n>\d+) seconds\.$/, (g, s) => s.t('sync.msg.shopifyTimeout', { n: s.number(g.n) })],
  [/^Shopify is throttling requests/, (_, s) => s.t('sync.msg.shopifyThrottled')],
  [/^Shopify had a server error \((?<status>\d+)\)/, (g, s) => s.t('sync.msg.shopifyServer', { status: g.status! })],
  [/^Shopify rejected the request \((?<status>\d+)(?:: (?<said>.*))?\)\.$/s,
    (g, s) => join(s.t('sync.msg.shopifyRejected', { status: g.status! }), said(s, 'Shopify', g.said))],
  // Vendure.
  [/^Could not reach the Vendure server at (?<host>\S+) \((?<cause>.*)\)\.$/s,
    (g, s) => s.t('sync.msg.vendureUnreachable', { host: g.host!, cause: g.cause! })],
  [/^Vendure did not answer within (?<n>\d+) seconds\.$/, (g, s) => s.t('sync.msg.vendureTimeout', { n: s.number(g.n) })],
  [/^There is no Vendure Admin API at (?<endpoint>\S+): check the shop address\.$/, (g, s) => s.t('sync.msg.vendureNoApi', { endpoint: g.endpoint! })],
  [/^Vendure refused the request \(HTTP (?<status>\d+)\)\.$/, (g, s) => s.t('sync.msg.vendureRefused', { status: g.status! })],
  [/^The Vendure server answered with an error \(HTTP (?<status>\d+)\)/, (g, s) => s.t('sync.msg.vendureServer', { status: g.status! })],
  [/^The Vendure server asked Backroom to slow down; trying again in (?<n>\d+) seconds\.$/,
    (g, s) => s.t('sync.msg.vendureSlowDown', { n: s.number(g.n) })],
  [/^Vendure refused the administrator login: (?<reason>.*) Check the username and password\.$/s,
    (g, s) => s.t('sync.msg.vendureLogin', { reason: g.reason! })],
  [/^The API key was refused: (?<reason>.*) Check the key in Vendure/s, (g, s) => s.t('sync.msg.vendureApiKey', { reason: g.reason! })],
  [/^Vendure refused the administrator: (?<reason>.*) Check that this administrator/s, (g, s) => s.t('sync.msg.vendureAdmin', { reason: g.reason! })],
  // The engine and its run log.
  [/^The store could not be reached; changes wait in the outbox\.$/, (_, s) => s.t('sync.msg.offline')],
  [/^Backroom stopped during this sync; the next sync resumes where it left off\.$/, (_, s) => s.t('sync.msg.abandoned')],
  [/^Sync started \((?<trigger>manual|schedule|startup)\): (?<resources>.*)\.$/,
    (g, s) => s.t('sync.msg.started', { trigger: s.t(`sync.msg.trigger.${g.trigger as 'manual' | 'schedule' | 'startup'}`),
      resources: g.resources!.split(', ').map((name) => s.resource(name)).join('、') })],
  [/^Sync cancelled; everything fetched so far is kept\.$/, (_, s) => s.t('sync.msg.cancelled')],
  [/^Skipped (?<n>\d+) more records on page (?<page>\d+); all are in quarantine/,
    (g, s) => s.t('sync.msg.skippedMore', { n: s.number(g.n), page: s.number(g.page) })],
  [/^Skipped (?<id>.+?): (?<reason>.*)$/s,
    (g, s) => s.t('sync.msg.skipped', { id: g.id!, reason: recordProblem(s.t, g.reason!) ?? g.reason! })],
  [/^Resuming (?<resource>\w+) at page (?<page>\d+), where an interrupted sync stopped\.$/,
    (g, s) => s.t('sync.msg.resuming', { resource: s.resource(g.resource), page: s.number(g.page) })],
  [/^Fetching (?<resource>\w+) changed since (?<since>\S+)\.$/,
    (g, s) => s.t('sync.msg.fetchingSince', { resource: s.resource(g.resource), since: s.at(g.since!) })],
  [/^Fetching all (?<resource>\w+)\.$/, (g, s) => s.t('sync.msg.fetchingAll', { resource: s.resource(g.resource) })],
  [/^The platform counted (?<total>\d+) (?<resource>\w+) but listed (?<listed>\d+);/,
    (g, s) => s.t('sync.msg.countMismatch', { total: s.number(g.total), resource: s.resource(g.resource), listed: s.number(g.listed) })],
  [/^(?<resource>products|customers|orders): fetched (?<fetched>\d+); (?<created>\d+) new, (?<updated>\d+) updated(?:, (?<unchanged>\d+) skipped as not newer than what Backroom has)?(?:, (?<quarantined>\d+) quarantined \(reasons above\))?\.$/,
    (g, s) => {
      const counts = s.t('sync.msg.counts', { resource: s.resource(g.resource), fetched: s.number(g.fetched),
        created: s.number(g.created), updated: s.number(g.updated) });
      const more = [g.unchanged ? s.t('sync.msg.countsUnchanged', { n: s.number(g.unchanged) }) : '',
        g.quarantined ? s.t('sync.msg.countsQuarantined', { n: s.number(g.quarantined) }) : ''].filter((p) => p !== '');
      // "…更新 3 条。" + "；…" : the extra counts go before the full stop.
      return more.length === 0 ? counts : `${counts.replace(/[。.]$/, '')}；${more.join('；')}。`;
    }],
];

/** The sentence in the UI language (`at` formats an instant the way the sync page shows times). */
export function syncMessage(i18n: Pick<I18n, 'locale' | 't' | 'format'>, message: string, at: (iso: string) => string = (iso) => iso): string {
  if (i18n.locale === 'en') return message;
  const say: Say = {
    t: i18n.t,
    number: (value) => (value === undefined ? '' : i18n.format.number(Number(value))),
    resource: (name) => (name === undefined ? '' : resourceLabel(i18n.t, name)),
    at,
    again: (inner) => syncMessage(i18n, inner, at),
  };
  for (const [pattern, sentence] of RULES) {
    const match = pattern.exec(message);
    if (match) return sentence(match.groups ?? {}, say);
  }
  return message;
}

/** The sync page's sentences: a core sentence, and a refused action's (labels.ts syncErrorSentence), in the UI language. */
export function useSyncSentences(): { message: (message: string) => string; error: (error: unknown) => string } {
  const i18n = useI18n();
  const time = useSyncTime();
  return useMemo(() => ({
    message: (message: string) => syncMessage(i18n, message, time.at),
    error: (error: unknown) => syncMessage(i18n, syncErrorSentence(i18n.t, error), time.at),
  }), [i18n, time]);
}
