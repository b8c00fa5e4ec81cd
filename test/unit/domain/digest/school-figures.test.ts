import type { IsoWeek } from '../../../../src/domain/digest/iso-week';
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
      { schoolId: '34CD00', issued: 1, acknowledged: 0, supportedWithin48h: 0, bounced: 1 },
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
    expect(schoolFigures(facts, W10)).toEqual([{ schoolId: '34CD00', issued: 2, acknowledged: 0, supportedWithin48h: 0, bounced: 2 }]);
  });

  it('does not count as bounced at a school a signal another school sent back before it was placed there', () => {
    const placedAfterABounce = aFact({ schoolId: '12AB00', issuedAt, bounced: true, viaLeerplicht: true, state: 'delivered' });
    expect(schoolFigures([placedAfterABounce], W10)).toEqual([{ schoolId: '12AB00', issued: 1, acknowledged: 0, supportedWithin48h: 0, bounced: 0 }]);
  });
});
