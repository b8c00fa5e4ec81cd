/** What the tab's API answers: plain JSON shapes, counts already protected, never a child. */
import type { Member, Municipality, RoleName, School } from '../../src/domain/directory';
import type { Digest, ShownCount } from '../../src/domain/digest/figures';
import { formatIsoWeek } from '../../src/domain/digest/iso-week';
import { protectSchoolTable, sharePercent } from '../../src/domain/digest/small-counts';
import type { DigestScope } from '../../src/app/digest-scope';
import type { TabPage } from './tab-access';

export interface MeView {
  name?: string;
  roles: RoleName[];
  pages: TabPage[];
}

export interface DirectoryView {
  /** True while HWC_DIRECTORY_FILE is the truth: the tab shows, never edits. */
  readOnly: boolean;
  municipalities: Municipality[];
  schools: School[];
  members: Array<{ id: string; name: string; email?: string; roles: Member['roles']; reachable: boolean }>;
}

export interface FiguresView {
  week: string;
  scopeName: string;
  headline: {
    issued: number;
    viaLeerplicht: number;
    delivered: number;
    openNow: number;
    acknowledgedWithin24hPercent: number | null;
    supportedWithin48hPercent: number | null;
    medianMinutesToAcknowledge: number | null;
  };
  /** The 52 weeks up to `week`, oldest first: support recorded within 48 hours. */
  trend: Array<{ week: string; percent: number | null; numerator: number; denominator: number }>;
  /** Per school (municipality scopes only), every count through the digest's small-count rule. */
  schools: Array<{ schoolId: string; name: string; issued: ShownCount; acknowledged: ShownCount; supportedWithin48h: ShownCount; bounced: ShownCount }>;
  smallCountThreshold: number;
}

export function figuresView(digest: Digest, scope: DigestScope, threshold: number): FiguresView {
  const f = digest.figures;
  return {
    week: formatIsoWeek(f.week),
    scopeName: scope.name,
    headline: {
      issued: f.issued,
      viaLeerplicht: f.viaLeerplicht,
      delivered: f.delivered,
      openNow: f.openNow,
      acknowledgedWithin24hPercent: sharePercent(f.acknowledgedWithin24h) ?? null,
      supportedWithin48hPercent: sharePercent(f.supportedWithin48h) ?? null,
      medianMinutesToAcknowledge: f.medianMinutesToAcknowledge ?? null,
    },
    trend: digest.lastYear.map((w) => ({
      week: formatIsoWeek(w.week),
      percent: sharePercent(w.supportedWithin48h) ?? null,
      numerator: w.supportedWithin48h.numerator,
      denominator: w.supportedWithin48h.denominator,
    })),
    schools: protectSchoolTable(digest.schools ?? [], threshold).map((row) => ({ ...row, name: scope.schoolNames[row.schoolId] ?? row.schoolId })),
    smallCountThreshold: threshold,
  };
}
