/** What the tab's API answers: plain JSON shapes, counts already protected, never a real child (the card previews show a made-up one). */
import type { Member, Municipality, RoleName, School } from '../../src/domain/directory';
import type { Digest, Share, ShownCount } from '../../src/domain/digest/figures';
import { formatIsoWeek } from '../../src/domain/digest/iso-week';
import { protectSchoolTable, sharePercent } from '../../src/domain/digest/small-counts';
import type { DigestScope } from '../../src/app/digest-scope';
import type { CatalogCard } from '../../cards/card-catalog';
import type { Locale } from '../../cards/view-models';
import type { TabPage } from './tab-access';
import type { DirectoryWarning } from './directory-warnings';

export interface MeView {
  name?: string;
  roles: RoleName[];
  pages: TabPage[];
}

/** The card previews: every card the bot sends, as Adaptive Card JSON drawn from sample data. */
export interface CardsView {
  locale: Locale;
  cards: CatalogCard[];
}

export interface DirectoryView {
  /** True while HWC_DIRECTORY_FILE is the truth: the tab shows, never edits. */
  readOnly: boolean;
  /** What will go wrong with the directory as it is, for the top of the page: the first ones. */
  warnings: DirectoryWarning[];
  /** How many there are in all. */
  warningCount: number;
  municipalities: Municipality[];
  schools: School[];
  members: Array<{ id: string; name: string; email?: string; roles: Member['roles']; reachable: boolean }>;
}

export interface FiguresView {
  week: string;
  scopeName: string;
  /** Counts; on a school's own figures one from 1 to threshold − 1 reads "<threshold". */
  headline: {
    issued: number | string;
    viaLeerplicht: number | string;
    delivered: number | string;
    openNow: number | string;
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
  // A school's own figures have no per-school table to protect them: the small-count rule applies
  // to every count and share, as on the weekly digest card.
  const protect = !scope.perSchool;
  const small = (n: number) => protect && n > 0 && n < threshold;
  const count = (n: number): number | string => (small(n) ? `<${threshold}` : n);
  const hidden = (s: Share) => small(s.denominator) || small(s.numerator) || small(s.denominator - s.numerator);
  const percent = (s: Share) => (hidden(s) ? null : (sharePercent(s) ?? null));
  return {
    week: formatIsoWeek(f.week),
    scopeName: scope.name,
    headline: {
      issued: count(f.issued),
      viaLeerplicht: count(f.viaLeerplicht),
      delivered: count(f.delivered),
      openNow: count(f.openNow),
      acknowledgedWithin24hPercent: percent(f.acknowledgedWithin24h),
      supportedWithin48hPercent: percent(f.supportedWithin48h),
      medianMinutesToAcknowledge: small(f.acknowledgedWithin24h.denominator) ? null : (f.medianMinutesToAcknowledge ?? null),
    },
    // A protected week shows as one without a figure: no bar, no count.
    trend: digest.lastYear.map((w) => {
      const share = hidden(w.supportedWithin48h) ? { numerator: 0, denominator: 0 } : w.supportedWithin48h;
      return { week: formatIsoWeek(w.week), percent: sharePercent(share) ?? null, numerator: share.numerator, denominator: share.denominator };
    }),
    schools: protectSchoolTable(digest.schools ?? [], threshold).map((row) => ({ ...row, name: scope.schoolNames[row.schoolId] ?? row.schoolId })),
    smallCountThreshold: threshold,
  };
}
