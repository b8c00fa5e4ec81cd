/**
 * Sample figures for the digest card's preview and sample audit entries for the trail's: plain
 * made-up counts for a mid-sized municipality, never drawn from a store.
 */
import type { Digest, SchoolFigures, WeeklyHeadline } from '../src/domain/digest/figures';
import { addWeeks, type IsoWeek } from '../src/domain/digest/iso-week';
import type { AuditTrailRow, DigestView } from './view-models';

const WEEK: IsoWeek = { year: 2026, week: 10 };

const SCHOOLS: Array<SchoolFigures & { name: string }> = [
  { schoolId: '12AB00', name: 'Basisschool De Regenboog', issued: 6, acknowledged: 6, supportedWithin48h: 5, bounced: 0 },
  { schoolId: '34CD01', name: 'Het Kompas', issued: 4, acknowledged: 4, supportedWithin48h: 3, bounced: 1 },
  { schoolId: '56EF02', name: 'Kindcentrum De Vlinder', issued: 2, acknowledged: 1, supportedWithin48h: 1, bounced: 0 },
];

/** A year of weeks, the headline share moving between about 70 and 95 %. */
function lastYear(): WeeklyHeadline[] {
  return Array.from({ length: 52 }, (_, i) => {
    const denominator = 8 + ((i * 5) % 7);
    return { week: addWeeks(WEEK, i - 51), supportedWithin48h: { numerator: Math.round(denominator * (0.7 + ((i * 7) % 26) / 100)), denominator } };
  });
}

export function sampleDigest(): Omit<DigestView, 'locale'> {
  const year = lastYear();
  const digest: Digest = {
    figures: {
      week: WEEK,
      issued: 12,
      viaLeerplicht: 3,
      delivered: 12,
      openNow: 1,
      acknowledgedBeforeSchoolStart: { numerator: 10, denominator: 12 },
      acknowledgedWithin24h: { numerator: 11, denominator: 12 },
      medianMinutesToAcknowledge: 42,
      supportedWithin48h: { numerator: 9, denominator: 12 },
      supportWindowOpen: 1,
      bounced: 1,
      noSchool: 0,
      escalated: 1,
      deadDeliveries: 0,
      supportByCategory: { no_penalty: 3, quiet_place: 4, listening_ear: 7, teacher_informed: 5, test_postponed: 1, other: 0 },
      noPriorConcern: { numerator: 5, denominator: 9 },
    },
    previousWeeks: year.slice(47, 51),
    lastYear: year,
    schools: SCHOOLS.map(({ name: _name, ...figures }) => figures),
  };
  return {
    scopeName: 'Heerlen',
    digest,
    schoolNames: Object.fromEntries(SCHOOLS.map((s) => [s.schoolId, s.name])),
    smallCountThreshold: 3,
    generatedAt: '2026-03-09T07:00:00.000Z',
  };
}

/** A signal's trail from issue to support, as `audit HWC-…` shows it. */
export function sampleAuditRows(): AuditTrailRow[] {
  const row = (at: string, actorName: string, role: AuditTrailRow['role'], action: string): AuditTrailRow => ({
    at,
    actorId: '00000000-0000-4000-8000-000000000001',
    actorName,
    role,
    action,
    result: 'ok',
    origin: 'msteams:a:sample',
  });
  return [
    row('2026-03-09T20:05:00.000Z', 'Wendy Veilig', 'vt_worker', 'signal.issue'),
    row('2026-03-10T06:45:02.000Z', 'Anouk Jansen', 'school_contact', 'card.shown'),
    row('2026-03-10T07:12:00.000Z', 'Anouk Jansen', 'school_contact', 'signal.acknowledge'),
    row('2026-03-10T09:30:00.000Z', 'Anouk Jansen', 'school_contact', 'signal.support'),
  ];
}
