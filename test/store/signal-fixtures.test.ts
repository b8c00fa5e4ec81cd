import { signalSchema } from '../../src/store/signal-document';
import { aSignalWithEveryField } from '../fixtures/signals';

/**
 * The contract's round trip proves a store keeps every field only if the fixture has every field:
 * a field added to the schema (and the domain) but not reached by the fixture fails here.
 */
describe('aSignalWithEveryField', () => {
  const signal = aSignalWithEveryField();
  const keysOf = (items: object[]) => [...new Set(items.flatMap((item) => Object.keys(item)))].sort();

  it('sets every field of a signal', () => {
    expect(Object.keys(signal).sort()).toEqual(Object.keys(signalSchema.shape).sort());
  });

  it('sets every field of a delivery and of a timeline event somewhere', () => {
    expect(keysOf(signal.deliveries)).toEqual(Object.keys(signalSchema.shape.deliveries.element.shape).sort());
    expect(keysOf(signal.timeline)).toEqual(Object.keys(signalSchema.shape.timeline.element.shape).sort());
  });

  it('holds cards of every role and every status, and a school it bounced from', () => {
    expect(new Set(signal.deliveries.map((d) => d.role))).toEqual(new Set(['school_contact', 'leerplicht', 'vt_worker']));
    expect(new Set(signal.deliveries.map((d) => d.status))).toEqual(new Set(['pending', 'sent', 'failed']));
    expect(signal.triedSchoolIds).toHaveLength(1);
    expect(signalSchema.parse(signal)).toStrictEqual(signal);
  });
});
