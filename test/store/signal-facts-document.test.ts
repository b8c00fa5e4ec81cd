import { factsOf } from '../../src/domain/digest/signal-facts';
import { InvalidDocumentError } from '../../src/store/invalid-document-error';
import { splitSignal } from '../../src/store/signal-document';
import { parseSignalFacts, signalFactsSchema } from '../../src/store/signal-facts-document';
import { aSignal, aSignalViaLeerplicht, aSignalWithEveryField } from '../fixtures/signals';

/** The hand-written fast check and the zod schema must agree on what facts are right. */
describe('parseSignalFacts', () => {
  const right = [aSignal(), aSignalViaLeerplicht(), aSignalWithEveryField()].map((s) => factsOf(splitSignal(s).document));

  it.each(right.map((f) => [f.id, f]))('takes right facts as they are (%s), as the schema does', (_id, facts) => {
    expect(parseSignalFacts(facts)).toBe(facts);
    expect(signalFactsSchema.parse(facts)).toStrictEqual(facts);
  });

  const base = right[2]!;
  it.each<[string, Record<string, unknown>]>([
    ['an unknown field (the child, say)', { child: 'x' }],
    ['an empty id', { id: '' }],
    ['a time not in toISOString form', { issuedAt: '2026-03-02 19:30' }],
    ['a flag as 0/1', { bounced: 1 }],
    ['an unknown state', { state: 'lost' }],
    ['an unknown support category', { supportCategories: ['hugs'] }],
    ['categories that are no list', { supportCategories: 'quiet_place' }],
    ['an unknown prior-concern answer', { priorConcern: 'maybe' }],
    ['a negative count', { failedDeliveries: -1 }],
    ['a count that is no whole number', { failedDeliveries: 1.5 }],
    ['a school id that is empty', { schoolId: '' }],
  ])('refuses %s', (_case, change) => {
    expect(() => parseSignalFacts({ ...base, ...change })).toThrow(InvalidDocumentError);
  });
});
