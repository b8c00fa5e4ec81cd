import { factsOf, type SignalFacts } from '../../src/domain/digest/signal-facts';
import { countsOf } from '../../src/domain/digest/weekly-counts';
import { forgetChild } from '../../src/domain/forget-child';
import { acknowledge, applyDueDeadlines, bounce, closeUnroutable, forwardToSchool, recordSupport, type Signal } from '../../src/domain/signal';
import { applyDeliveryOutcomes } from '../../src/domain/signal.deliveries';
import type { Stores } from '../../src/store/stores';
import { COORDINATOR_ID, MUNICIPALITY_ID, SCHOOL_ID } from '../fixtures/directory';
import {
  OFFICER,
  PRIMARY,
  WORKER,
  aSignal,
  aSignalViaLeerplicht,
  aSignalWithDeadline,
  aSignalWithEveryField,
  deliveredToAll,
  scheduleTimes,
} from '../fixtures/signals';

const at = (iso: string) => new Date(iso);
/** The week of ISSUED_AT (Monday 2026-03-02), as UTC instants: every fixture below falls in it. */
const WEEK = { from: at('2026-03-02T00:00:00.000Z'), to: at('2026-03-09T00:00:00.000Z') };
const REMIND_AT = at('2026-03-03T09:00:00.000Z');

/** The reference reading: `factsOf` of the record the store keeps (the signal without its child). */
function expectedFacts(signal: Signal): SignalFacts {
  return factsOf({ ...signal, child: undefined });
}

/** A municipality scope: the records of these municipalities. */
const municipalities = (...municipalityIds: string[]) => ({ municipalityIds, schoolIds: [] });

const byId = (facts: SignalFacts[]) => [...facts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * Signals at every stage the figures tell apart, each built with the domain's own functions,
 * plus the signal that has every field.
 */
function signalsAtEveryStage(): Record<string, Signal> {
  const contacts = [{ ...PRIMARY, rank: 'primary' as const }];
  const direct = aSignal();
  const withDeadline = aSignalWithDeadline(REMIND_AT);
  const delivered = deliveredToAll(aSignal(), at('2026-03-02T19:30:01.000Z'));
  const bounced = bounce(deliveredToAll(aSignal(), at('2026-03-02T19:30:01.000Z')), PRIMARY, WORKER, at('2026-03-03T07:10:00.000Z'));
  const forwarded = () =>
    forwardToSchool(aSignalViaLeerplicht(), OFFICER, SCHOOL_ID, contacts, at('2026-03-03T07:00:00.000Z'), scheduleTimes(REMIND_AT));
  const bouncedBackToLeerplicht = bounce(forwarded(), PRIMARY, WORKER, at('2026-03-03T07:30:00.000Z'));
  const unroutable = closeUnroutable(aSignalViaLeerplicht(), OFFICER, 'moved', WORKER, at('2026-03-03T08:00:00.000Z'));
  const acknowledged = acknowledge(deliveredToAll(aSignalWithDeadline(REMIND_AT), at('2026-03-03T07:00:01.000Z')), PRIMARY, at('2026-03-03T07:20:00.000Z'));
  const supported = recordSupport(
    acknowledge(aSignalWithDeadline(REMIND_AT), PRIMARY, at('2026-03-03T07:20:00.000Z')),
    PRIMARY,
    { categories: ['quiet_place', 'other'], priorConcern: 'unknown' },
    at('2026-03-03T11:00:00.000Z'),
  );
  const escalated = applyDueDeadlines(
    applyDueDeadlines(aSignalWithDeadline(REMIND_AT), REMIND_AT, []),
    at('2026-03-03T10:00:00.000Z'),
    [{ id: COORDINATOR_ID, name: 'Mieke Hermans' }],
  );
  const shownToAll = deliveredToAll(aSignal(), at('2026-03-02T19:30:01.000Z'));
  const failing = aSignal();
  const withFailedCards = applyDeliveryOutcomes(
    failing,
    failing.deliveries.map((d) => ({ key: d.key, kind: 'failed' as const, error: 'BotNotInConversationRoster' })),
    at('2026-03-02T19:30:01.000Z'),
  );
  return {
    direct,
    withDeadline,
    viaLeerplicht: aSignalViaLeerplicht(),
    delivered,
    bounced,
    forwarded: forwarded(),
    bouncedBackToLeerplicht,
    unroutable,
    acknowledged,
    supported,
    escalated,
    withFailedCards,
    // Forgetting redraws the cards; a redraw Teams refuses for good leaves a shown card failed.
    forgottenAfterAFailedRedraw: applyDeliveryOutcomes(
      forgetChild(shownToAll, at('2026-03-03T16:00:00.000Z')),
      shownToAll.deliveries.map((d) => ({ key: d.key, kind: 'failed' as const, error: 'http_403_BotNotInConversationRoster' })),
      at('2026-03-03T16:00:01.000Z'),
    ),
    everyField: aSignalWithEveryField(),
  };
}

/** What the weekly digest reads of the records: the facts, and never the child. */
export function signalFactsContract(stores: () => Stores): void {
  const signals = () => stores().signals;

  describe('SignalStore: facts for the digest', () => {
    it('reads exactly factsOf of every record, at every stage, optional fields absent rather than undefined', async () => {
      const stages = signalsAtEveryStage();
      for (const signal of Object.values(stages)) await signals().create(signal);

      const facts = await signals().listFactsIssuedBetween(municipalities(MUNICIPALITY_ID), WEEK.from, WEEK.to);

      expect(byId(facts)).toStrictEqual(byId(Object.values(stages).map(expectedFacts)));
      // The stages above really do cover what the figures tell apart.
      const of = (name: string) => facts.find((f) => f.id === stages[name]!.id)!;
      expect(of('viaLeerplicht')).not.toHaveProperty('schoolId');
      expect(of('bounced')).toMatchObject({ schoolId: SCHOOL_ID, bounced: true, state: 'bounced' });
      expect(of('bouncedBackToLeerplicht')).toMatchObject({ schoolId: SCHOOL_ID, bounced: true, viaLeerplicht: true });
      expect(of('unroutable')).toMatchObject({ noSchool: true, viaLeerplicht: true });
      expect(of('delivered').delivered).toBe(true);
      expect(of('direct').delivered).toBe(false);
      expect(of('withFailedCards')).toMatchObject({ delivered: false, failedDeliveries: 2 });
      expect(of('escalated').escalated).toBe(true);
      expect(of('supported')).toMatchObject({ supportCategories: ['quiet_place', 'other'], priorConcern: 'unknown' });
      expect(of('acknowledged').acknowledgedAt).toBe('2026-03-03T07:20:00.000Z');
      expect(of('withDeadline').dueAt).toBeDefined();
      // Its one failed card is an update of a card Teams already showed: delivered, not dead.
      expect(of('everyField')).toMatchObject({ delivered: true, escalated: true, bounced: true, failedDeliveries: 0 });
      expect(of('forgottenAfterAFailedRedraw')).toMatchObject({ delivered: true, failedDeliveries: 0 });
    });

    it('reads the signals of the given municipalities only', async () => {
      const heerlen = aSignal();
      const aaEnHunze = aSignalViaLeerplicht({ municipalityId: 'GM1680' });
      const elsewhere = aSignal({ municipalityId: 'GM0363' });
      for (const s of [heerlen, aaEnHunze, elsewhere]) await signals().create(s);

      const both = await signals().listFactsIssuedBetween(municipalities(MUNICIPALITY_ID, 'GM1680'), WEEK.from, WEEK.to);

      expect(byId(both)).toStrictEqual(byId([heerlen, aaEnHunze].map(expectedFacts)));
      expect(await signals().listFactsIssuedBetween(municipalities('GM0363'), WEEK.from, WEEK.to)).toStrictEqual([expectedFacts(elsewhere)]);
      expect(await signals().listFactsIssuedBetween(municipalities('GM0001'), WEEK.from, WEEK.to)).toEqual([]);
      expect(await signals().listFactsIssuedBetween(municipalities(), WEEK.from, WEEK.to)).toEqual([]);
    });

    it('reads the records at the given schools from any municipality, each record once', async () => {
      const contacts = [{ ...PRIMARY, rank: 'primary' as const }];
      const atOurSchool = aSignal();
      // Aa en Hunze's leerplicht placed its child at our school; another sent one back from it.
      const forwardedFromElsewhere = forwardToSchool(
        aSignalViaLeerplicht({ municipalityId: 'GM1680' }),
        OFFICER,
        SCHOOL_ID,
        contacts,
        at('2026-03-03T07:00:00.000Z'),
        scheduleTimes(REMIND_AT),
      );
      const bouncedFromOurSchool = bounce(
        deliveredToAll(aSignal({ municipalityId: 'GM1680' }), at('2026-03-02T19:30:01.000Z')),
        PRIMARY,
        WORKER,
        at('2026-03-03T07:10:00.000Z'),
      );
      const atAnotherSchoolElsewhere = aSignal({
        municipalityId: 'GM1680',
        target: { route: 'direct', schoolId: '56EF00', contacts },
      });
      for (const s of [atOurSchool, forwardedFromElsewhere, bouncedFromOurSchool, atAnotherSchoolElsewhere]) await signals().create(s);

      const atSchool = await signals().listFactsIssuedBetween({ municipalityIds: [], schoolIds: [SCHOOL_ID] }, WEEK.from, WEEK.to);
      const withMunicipality = await signals().listFactsIssuedBetween({ municipalityIds: [MUNICIPALITY_ID], schoolIds: [SCHOOL_ID] }, WEEK.from, WEEK.to);

      const ours = byId([atOurSchool, forwardedFromElsewhere, bouncedFromOurSchool].map(expectedFacts));
      expect(byId(atSchool)).toStrictEqual(ours);
      expect(byId(withMunicipality)).toStrictEqual(ours);
      expect(withMunicipality.map((f) => f.issuedAt)).toEqual(withMunicipality.map((f) => f.issuedAt).sort());
      expect(await signals().listFactsIssuedBetween({ municipalityIds: [], schoolIds: ['00XX00'] }, WEEK.from, WEEK.to)).toEqual([]);
    });

    it('reads signals issued at or after `from` and before `to`', async () => {
      const justBefore = aSignal({ now: new Date(WEEK.from.getTime() - 1) });
      const atFrom = aSignal({ now: WEEK.from });
      const justBeforeTo = aSignal({ now: new Date(WEEK.to.getTime() - 1) });
      const atTo = aSignal({ now: WEEK.to });
      for (const s of [justBefore, atFrom, justBeforeTo, atTo]) await signals().create(s);

      const facts = await signals().listFactsIssuedBetween(municipalities(MUNICIPALITY_ID), WEEK.from, WEEK.to);

      expect(facts).toStrictEqual([atFrom, justBeforeTo].map(expectedFacts));
    });

    it('orders the facts by issue, over several municipalities', async () => {
      const [third, first, fourth, second] = [
        aSignal({ now: at('2026-03-04T08:00:00.000Z') }),
        aSignal({ municipalityId: 'GM1680', now: at('2026-03-02T07:00:00.000Z') }),
        aSignalViaLeerplicht({ now: at('2026-03-06T23:59:59.999Z') }),
        aSignal({ now: at('2026-03-03T12:00:00.000Z') }),
      ];
      for (const s of [third, first, fourth, second]) await signals().create(s);

      const facts = await signals().listFactsIssuedBetween(municipalities(MUNICIPALITY_ID, 'GM1680'), WEEK.from, WEEK.to);

      expect(facts.map((f) => f.id)).toEqual([first, second, third, fourth].map((s) => s.id));
    });

    it('reads the latest version of a record, and still reads a forgotten one', async () => {
      const created = await signals().create(aSignalWithDeadline(REMIND_AT));
      const acknowledged = await signals().replace(acknowledge(created.value, PRIMARY, at('2026-03-03T07:20:00.000Z')), created.etag);
      const forgotten = forgetChild(acknowledged.value, at('2026-03-03T16:00:00.000Z'));
      await signals().replace(forgotten, acknowledged.etag);
      await signals().purgeExpiredIdentities(at('2099-01-01T00:00:00.000Z'), 10);

      const facts = await signals().listFactsIssuedBetween(municipalities(MUNICIPALITY_ID), WEEK.from, WEEK.to);

      expect(forgotten.redactedAt).toBeDefined();
      expect(facts).toStrictEqual([expectedFacts(forgotten)]);
      expect(facts[0]?.acknowledgedAt).toBe('2026-03-03T07:20:00.000Z');
    });

    it("never holds the child's identity, also while the store still keeps it", async () => {
      const child = { firstName: 'Zwaantje', lastName: 'Quakkelaar', birthDate: '2016-05-14' };
      const signal = aSignal({ child });
      await signals().create(signal);
      expect((await signals().get(signal.id))?.value.child).toEqual(child);

      const facts = await signals().listFactsIssuedBetween(municipalities(MUNICIPALITY_ID), WEEK.from, WEEK.to);

      expect(facts).toHaveLength(1);
      const text = JSON.stringify(facts);
      for (const value of Object.values(child)) expect(text).not.toContain(value);
      expect(Object.keys(facts[0]!)).not.toContain('child');
    });
  });
}

/** The trend's numbers, counted by the store itself, equal to `countsOf` over the same facts. */
export function weeklyHeadlinesContract(stores: () => Stores): void {
  const signals = () => stores().signals;
  const day = 24 * 60 * 60 * 1000;
  const weeks = [-1, 0, 1].map((n) => ({ from: new Date(WEEK.from.getTime() + n * 7 * day), to: new Date(WEEK.to.getTime() + n * 7 * day) }));
  const ourScope = { municipalityIds: [MUNICIPALITY_ID], schoolIds: [] };

  /** Issued at `issuedAt`, picked up at once, support recorded `afterMs` later. */
  const supportedAfter = (issuedAt: Date, afterMs: number, overrides: Parameters<typeof aSignal>[0] = {}) => {
    const issued = aSignal({ now: issuedAt, ...overrides });
    const picked = acknowledge(issued, PRIMARY, new Date(issuedAt.getTime() + 60_000));
    return recordSupport(picked, PRIMARY, { categories: ['listening_ear'], priorConcern: 'no' }, new Date(issuedAt.getTime() + afterMs));
  };

  describe('SignalStore: the weekly headline counts for the trend', () => {
    it('counts per week the signals issued and those supported within 48 hours, 48 hours exactly included', async () => {
      const monday = at('2026-03-02T10:00:00.000Z');
      const cases = [
        supportedAfter(monday, 48 * 60 * 60 * 1000),
        supportedAfter(new Date(monday.getTime() + 1000), 48 * 60 * 60 * 1000 + 1),
        aSignal({ now: new Date(monday.getTime() + 2000) }),
        supportedAfter(new Date(weeks[2]!.from.getTime() + 5000), 3 * 60 * 60 * 1000),
        supportedAfter(new Date(monday.getTime() + 3000), 60_000, { municipalityId: 'GM1680' }),
      ];
      for (const s of cases) await signals().create(s);

      const counts = await signals().countWeeklyHeadlines(ourScope, weeks);

      expect(counts).toEqual([
        { issued: 0, supportedWithin48h: 0 },
        { issued: 3, supportedWithin48h: 1 },
        { issued: 1, supportedWithin48h: 1 },
      ]);
      const facts = await signals().listFactsIssuedBetween(municipalities(MUNICIPALITY_ID, 'GM1680'), weeks[0]!.from, weeks[2]!.to);
      expect(counts).toEqual(countsOf(facts, ourScope, weeks));
    });

    it("counts a school manager's school among its municipality's records, and nothing else there", async () => {
      const atOurSchool = aSignal({ now: at('2026-03-03T10:00:00.000Z') });
      const elsewhere = aSignal({
        now: at('2026-03-03T11:00:00.000Z'),
        target: { route: 'direct', schoolId: '56EF00', contacts: [{ ...PRIMARY, rank: 'primary' }] },
      });
      for (const s of [atOurSchool, elsewhere]) await signals().create(s);
      const schoolScope = { municipalityIds: [], schoolIds: [SCHOOL_ID] };

      expect(await signals().countWeeklyHeadlines(schoolScope, [WEEK])).toEqual([{ issued: 1, supportedWithin48h: 0 }]);
      expect(await signals().countWeeklyHeadlines({ ...schoolScope, schoolIds: [] }, [WEEK])).toEqual([{ issued: 0, supportedWithin48h: 0 }]);
      expect(await signals().countWeeklyHeadlines(ourScope, [])).toEqual([]);
    });

    it("counts a record of another municipality placed at a school manager's school, once when both scopes hold it", async () => {
      const forwarded = forwardToSchool(
        aSignalViaLeerplicht({ municipalityId: 'GM1680', now: at('2026-03-03T10:00:00.000Z') }),
        OFFICER,
        SCHOOL_ID,
        [{ ...PRIMARY, rank: 'primary' as const }],
        at('2026-03-03T11:00:00.000Z'),
        scheduleTimes(REMIND_AT),
      );
      const supported = recordSupport(acknowledge(forwarded, PRIMARY, at('2026-03-03T12:00:00.000Z')), PRIMARY, { categories: ['listening_ear'], priorConcern: 'no' }, at('2026-03-03T13:00:00.000Z'));
      await signals().create(supported);
      const schoolScope = { municipalityIds: [], schoolIds: [SCHOOL_ID] };

      expect(await signals().countWeeklyHeadlines(schoolScope, [WEEK])).toEqual([{ issued: 1, supportedWithin48h: 1 }]);
      expect(await signals().countWeeklyHeadlines({ municipalityIds: ['GM1680'], schoolIds: [SCHOOL_ID] }, [WEEK])).toEqual([{ issued: 1, supportedWithin48h: 1 }]);
      expect(await signals().countWeeklyHeadlines(ourScope, [WEEK])).toEqual([{ issued: 0, supportedWithin48h: 0 }]);
    });
  });
}
