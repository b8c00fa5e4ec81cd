import type { IsoWeek } from '../../../../src/domain/digest/iso-week';
import type { SignalFacts } from '../../../../src/domain/digest/signal-facts';
import type { SignalState } from '../../../../src/domain/signal';
import { schoolFigures } from '../../../../src/domain/digest/school-figures';
import { aFact, aFactWithoutSchool, hoursAfter } from '../../../fixtures/signal-facts';

const t = (local: string) => new Date(local).toISOString();
const W10: IsoWeek = { year: 2026, week: 10 };
const issuedAt = t('2026-03-03T10:00+01:00');

describe('schoolFigures: one line per school with signals issued in the week', () => {
  it('gives no lines for an empty week', () => {
    expect(schoolFigures([], W10)).toEqual([]);
  });

  it('counts issued, acknowledged, supported within 48 hours and bounced per school, sorted by school id', () => {
    const facts = [
      aFact({ schoolId: '56EF00', issuedAt }),
      aFact({ schoolId: '12AB00', issuedAt, acknowledgedAt: hoursAfter(issuedAt, 1), supportRecordedAt: hoursAfter(issuedAt, 48), state: 'supported' }),
      aFact({ schoolId: '12AB00', issuedAt, acknowledgedAt: hoursAfter(issuedAt, 2), supportRecordedAt: hoursAfter(issuedAt, 49), state: 'supported' }),
      aFact({ schoolId: '12AB00', issuedAt, acknowledgedAt: hoursAfter(issuedAt, 3), state: 'acknowledged' }),
      aFact({ schoolId: '34CD00', issuedAt, bounced: true, state: 'bounced' }),
    ];
    expect(schoolFigures(facts, W10)).toEqual([
      { schoolId: '12AB00', issued: 3, acknowledged: 3, supportedWithin48h: 1, bounced: 0 },
      { schoolId: '34CD00', issued: 0, acknowledged: 0, supportedWithin48h: 0, bounced: 1 },
      { schoolId: '56EF00', issued: 1, acknowledged: 0, supportedWithin48h: 0, bounced: 0 },
    ]);
  });

  it('leaves out signals without a school and schools whose signals were issued in another week', () => {
    const facts = [
      aFactWithoutSchool({ issuedAt, noSchool: true, state: 'unroutable' }),
      aFact({ schoolId: '78GH00', issuedAt: t('2026-03-01T23:59+01:00') }),
      aFact({ schoolId: '12AB00', issuedAt }),
    ];
    expect(schoolFigures(facts, W10).map((line) => line.schoolId)).toEqual(['12AB00']);
  });

  it('counts a signal sent back as bounced at the school that sent it back, waiting for leerplicht or closed', () => {
    const facts = [
      aFact({ schoolId: '34CD00', issuedAt, bounced: true, viaLeerplicht: true, state: 'awaiting_routing' }),
      aFact({ schoolId: '34CD00', issuedAt, bounced: true, viaLeerplicht: true, noSchool: true, state: 'unroutable' }),
    ];
    expect(schoolFigures(facts, W10)).toEqual([{ schoolId: '34CD00', issued: 0, acknowledged: 0, supportedWithin48h: 0, bounced: 2 }]);
  });

  it('counts signals, seen and supported only for signals at the school now, bounced only for those it sent back', () => {
    const atSchool = (state: SignalState, over: Partial<SignalFacts> = {}) => aFact({ schoolId: '12AB00', issuedAt, state, ...over });
    const sentBack = (state: SignalState) => aFact({ schoolId: '12AB00', issuedAt, bounced: true, viaLeerplicht: state !== 'bounced', state });
    const facts = [
      atSchool('issued', { delivered: false }),
      atSchool('delivered'),
      atSchool('acknowledged', { acknowledgedAt: hoursAfter(issuedAt, 1) }),
      atSchool('supported', { acknowledgedAt: hoursAfter(issuedAt, 1), supportRecordedAt: hoursAfter(issuedAt, 2) }),
      // Placed here after another school sent it back: on this line, not bounced here.
      atSchool('delivered', { bounced: true, viaLeerplicht: true }),
      sentBack('bounced'),
      sentBack('awaiting_routing'),
      sentBack('unroutable'),
    ];
    expect(schoolFigures(facts, W10)).toEqual([{ schoolId: '12AB00', issued: 5, acknowledged: 2, supportedWithin48h: 1, bounced: 3 }]);
  });

  it('keeps the signals a school sent back out of its seen and supported, whatever the facts still carry', () => {
    // A record written before bounce was refused after acknowledgement, say: it is not at the school now.
    const odd = aFact({ schoolId: '12AB00', issuedAt, bounced: true, state: 'bounced', acknowledgedAt: hoursAfter(issuedAt, 1), supportRecordedAt: hoursAfter(issuedAt, 2) });
    expect(schoolFigures([odd], W10)).toEqual([{ schoolId: '12AB00', issued: 0, acknowledged: 0, supportedWithin48h: 0, bounced: 1 }]);
  });

  it('does not count as bounced at a school a signal another school sent back before it was placed there', () => {
    const placedAfterABounce = aFact({ schoolId: '12AB00', issuedAt, bounced: true, viaLeerplicht: true, state: 'delivered' });
    expect(schoolFigures([placedAfterABounce], W10)).toEqual([{ schoolId: '12AB00', issued: 1, acknowledged: 0, supportedWithin48h: 0, bounced: 0 }]);
  });
});
