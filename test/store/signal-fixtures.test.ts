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

  it('sets every field of the schedule and of the escalation', () => {
    expect(Object.keys(signal.schedule!).sort()).toEqual(Object.keys(signalSchema.shape.schedule.unwrap().shape).sort());
    expect(Object.keys(signal.escalation!).sort()).toEqual(Object.keys(signalSchema.shape.escalation.unwrap().shape).sort());
  });

  it('holds every kind of timeline event, and cards of every role and every view some life ends with', () => {
    const { deliveries, timeline } = signalSchema.shape;
    const views = new Set(signal.deliveries.flatMap((d) => [d.view, ...(d.shownView ? [d.shownView] : [])]));
    // Views a card shows only on its way to another: every life that reaches one moves on.
    const passing = ['signal', 'support_form', 'route', 'bounced_notice'];

    expect(new Set(signal.timeline.map((e) => e.type))).toEqual(new Set(timeline.element.shape.type.options));
    expect(new Set(signal.deliveries.map((d) => d.role))).toEqual(new Set(deliveries.element.shape.role.options));
    expect(views).toEqual(new Set(deliveries.element.shape.view.options.filter((v) => !passing.includes(v))));
  });

  it('holds cards of every status, and a school it bounced from', () => {
    expect(new Set(signal.deliveries.map((d) => d.status))).toEqual(new Set(['pending', 'sent', 'failed']));
    expect(signal.triedSchoolIds).toHaveLength(1);
    expect(signalSchema.parse(signal)).toStrictEqual(signal);
  });
});
