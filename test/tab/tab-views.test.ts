/** The tab's figures for a school's own scope follow the small-count rule, as the digest card does. */
import { figuresView } from '../../bot/tab/tab-views';
import type { DigestScope } from '../../src/app/digest-scope';
import type { Digest, WeeklyFigures } from '../../src/domain/digest/figures';

const W47 = { year: 2026, week: 47 };
const fewAtOneSchool: WeeklyFigures = {
  week: W47,
  issued: 2,
  viaLeerplicht: 1,
  delivered: 2,
  openNow: 0,
  acknowledgedBeforeSchoolStart: { numerator: 1, denominator: 2 },
  acknowledgedWithin24h: { numerator: 2, denominator: 2 },
  medianMinutesToAcknowledge: 45,
  supportedWithin48h: { numerator: 1, denominator: 2 },
  supportWindowOpen: 0,
  bounced: 0,
  noSchool: 0,
  escalated: 0,
  deadDeliveries: 0,
  supportByCategory: { no_penalty: 1, quiet_place: 0, listening_ear: 0, teacher_informed: 0, test_postponed: 0, other: 0 },
  noPriorConcern: { numerator: 1, denominator: 1 },
};
const digest: Digest = { figures: fewAtOneSchool, previousWeeks: [], lastYear: [{ week: W47, supportedWithin48h: { numerator: 1, denominator: 2 } }] };
const scope = (perSchool: boolean): DigestScope => ({ municipalityIds: [], schoolIds: ['12AB00'], perSchool, name: 'De Regenboog', schoolNames: {} });

describe("the tab's figures", () => {
  it("show no count from 1 to 2 and no share of so few children for a school's own scope", () => {
    const view = figuresView(digest, scope(false), 3);
    expect(view.headline).toMatchObject({ issued: '<3', viaLeerplicht: '<3', delivered: '<3', openNow: 0, supportedWithin48hPercent: null, acknowledgedWithin24hPercent: null, medianMinutesToAcknowledge: null });
    expect(view.trend).toEqual([{ week: '2026-W47', percent: null, numerator: 0, denominator: 0 }]);
  });

  it('leave a municipality scope, protected by its per-school table, as it is', () => {
    const view = figuresView(digest, scope(true), 3);
    expect(view.headline).toMatchObject({ issued: 2, supportedWithin48hPercent: 50 });
  });
});
