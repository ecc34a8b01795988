import { todayJakarta } from '../../platform/calendar/index.js';
import type { Db } from '../../platform/db/index.js';
import { ALL_FACILITIES, type Scope } from '../../platform/http/actor.js';
import type { Actor } from '../../platform/http/context.js';
import { can, FACILITY_ROLES, type Permission } from '../../platform/http/permissions.js';
import { accountCounts } from '../access/index.js';
import { cardQueue } from '../cards/index.js';
import { lettersExpiring } from '../dinsos/index.js';
import { agreementsExpiring } from '../facilities/index.js';
import { sjpCounts } from '../guarantees/index.js';
import type { SettingsService } from '../membership/index.js';
import { pendingChangeSets } from '../reconciliation/index.js';
import { facilityReferralCounts, flaggedUnreviewed } from '../referrals/index.js';
import { membershipHeadline } from '../reports/index.js';
import type { SignalService } from '../signals/index.js';
import { COUNTER_KEYS, type Counter, type CounterKey, type Dashboard } from './schemas.js';

/** Agreements are flagged this many days before their term ends, Dinsos letters this many. */
export const AGREEMENT_WARNING_DAYS = 60;
export const LETTER_WARNING_DAYS = 30;
/** The leadership figures scan the population; they change with imports, not by the minute. */
const FIGURES_CACHE_MS = 10 * 60_000;
/** The misuse signals join the audit log and the card register; a few minutes late is fine for a counter. */
const SIGNALS_CACHE_MS = 5 * 60_000;

/**
 * The home page's work counters, composed from each module's read-only count
 * functions. Only the counters the actor's permissions allow are computed;
 * facility staff see their own facility's work only.
 */
export function createDashboard(db: Db, deps: { settings: SettingsService; signals: SignalService }) {
  // Program-wide values, the same for every user who may see them: kept in the process for a while.
  const cache = new Map<string, { until: number; value: Promise<unknown> }>();
  function cached<T>(key: string, ms: number, compute: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit && hit.until > Date.now()) return hit.value as Promise<T>;
    const value = compute();
    cache.set(key, { until: Date.now() + ms, value });
    // A failure is not kept: the next visit tries again.
    value.catch(() => cache.delete(key));
    return value;
  }
  const figures = (date: string) =>
    cached(`figures:${date}`, FIGURES_CACHE_MS, () => membershipHeadline(db, deps.settings, date));

  async function forActor(actor: Actor): Promise<Dashboard> {
    const date = todayJakarta();
    const allowed = (p: Permission) => can(actor.role, p);
    const atFacility = FACILITY_ROLES.includes(actor.role);
    const facility = atFacility ? actor.facilityCode : null;
    const scope: Scope = facility ? { facility } : ALL_FACILITIES;
    const counters: Counter[] = [];
    const push = (key: CounterKey, value: number, due: string | null = null, alert = false) => {
      counters.push({ key, value, due, tone: alert && value > 0 ? 'alert' : 'normal' });
    };
    const jobs: Promise<void>[] = [];

    if (allowed('sjp.read')) {
      jobs.push(
        sjpCounts(db, scope).then((c) => {
          if (atFacility) {
            // The hospital's own work first: papers the office asked for, drafts not yet sent.
            push('sjp.needsCompletion', c.needsCompletion, c.nearestDueAt, true);
            push('sjp.drafts', c.drafts, c.nearestDueAt);
            push('sjp.toDecide', c.toDecide);
          } else {
            // Only whoever decides sees them as an alarm; the leadership reads the same queue calmly.
            const decides = allowed('sjp.decide');
            push('sjp.toDecide', c.toDecide, c.nearestDueAt, decides);
            push('sjp.late', c.late, null, decides);
            push('sjp.needsCompletion', c.needsCompletion);
          }
        }),
      );
    }
    if (allowed('reconciliation.review')) {
      jobs.push(pendingChangeSets(db).then((c) => push('reconciliation.pending', c.population + c.jkn, null, true)));
    } else if (allowed('reconciliation.read')) {
      jobs.push(pendingChangeSets(db).then((c) => push('reconciliation.pending', c.population + c.jkn)));
    }
    if (allowed('referral.review'))
      jobs.push(flaggedUnreviewed(db).then((n) => push('referrals.flagged', n, null, true)));
    if (atFacility && facility && allowed('referral.read')) {
      jobs.push(
        facilityReferralCounts(db, facility).then((c) => {
          if (actor.role === 'rumahsakit') push('referrals.incoming', c.incomingOpen, null, true);
          push('referrals.outgoing', c.outgoingWaiting);
        }),
      );
    }
    // Agreements matter to whoever manages facilities, decides SJP, or works at a facility.
    if (allowed('facility.read') && (allowed('facility.manage') || allowed('sjp.read') || atFacility)) {
      const renews = allowed('facility.manage') || atFacility;
      jobs.push(
        agreementsExpiring(db, date, AGREEMENT_WARNING_DAYS, scope).then((c) =>
          push('agreements.expiring', c.count, c.soonest, renews),
        ),
      );
    }
    if (allowed('signals.read')) {
      const signals = cached('signals', SIGNALS_CACHE_MS, async () =>
        (await deps.signals.summary(null)).kinds.reduce((t, k) => t + k.total, 0),
      );
      jobs.push(signals.then((n) => push('signals.open', n, null, allowed('membership.change'))));
    }
    if (allowed('recommendation.read')) {
      jobs.push(
        lettersExpiring(db, date, LETTER_WARNING_DAYS).then((c) => push('letters.expiring', c.count, c.soonest)),
      );
    }
    if (allowed('card.read')) {
      jobs.push(
        cardQueue(db).then((c) => {
          push('cards.toPrint', c.toPrint);
          push('cards.toHandOver', c.toHandOver);
        }),
      );
    }
    if (allowed('users.manage')) {
      jobs.push(
        accountCounts(db).then((c) => {
          push('users.locked', c.locked, null, true);
          push('users.notStarted', c.notStarted);
        }),
      );
    }
    const [, fig] = await Promise.all([
      Promise.all(jobs),
      allowed('report.membership') ? figures(date) : Promise.resolve(null),
    ]);
    // A stable order whatever finished first: the order of COUNTER_KEYS.
    const order: readonly CounterKey[] = atFacility ? FACILITY_ORDER : COUNTER_KEYS;
    counters.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
    return { date, facilityCode: facility, counters, figures: fig };
  }

  return { forActor };
}

/** At a facility, its own to-do comes before what waits on others. */
const FACILITY_ORDER: readonly CounterKey[] = [
  'referrals.incoming',
  'sjp.needsCompletion',
  'sjp.drafts',
  'referrals.outgoing',
  'sjp.toDecide',
  'agreements.expiring',
];

export type DashboardService = ReturnType<typeof createDashboard>;
