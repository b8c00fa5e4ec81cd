/**
 * The per-school table of a municipality's digest: counts per school over the week's cohort (the
 * signals issued in it, see `weekly-figures.ts`), unsuppressed; the card applies `showCount`.
 *
 * - A signal is on the line of its fact's `schoolId`: the school it is at, or the school that sent
 *   it back last while it has not reached another. Signals without a school are not in the table.
 * - **issued**: the signals on the line; **acknowledged**: those with `acknowledgedAt`;
 *   **supportedWithin48h**: support recorded within 48 elapsed hours of issue (as the headline).
 * - **bounced**: signals this school sent back that are not at a school now (`bounced`,
 *   `awaiting_routing` or `unroutable`), so `schoolId` is the school that sent them back. A
 *   signal leerplicht placed at another school since is on that school's line, and is not counted
 *   as bounced there: that school did not send it back, and the facts do not say which one did.
 */
import type { SignalState } from '../signal';
import type { SchoolFigures } from './figures';
import type { IsoWeek } from './iso-week';
import type { SignalFacts } from './signal-facts';
import { cohortOf, supportedInTime, type IssuedFacts } from './weekly-figures';

/** States in which a signal's `schoolId` is the school it is at (not the one that sent it back). */
const AT_A_SCHOOL: ReadonlySet<SignalState> = new Set<SignalState>(['issued', 'delivered', 'acknowledged', 'supported']);

/** One line per school of a cohort already picked out, by school id. */
export function schoolFiguresOfCohort(cohort: readonly IssuedFacts[]): SchoolFigures[] {
  const lines = new Map<string, SchoolFigures>();
  for (const entry of cohort) {
    const { facts } = entry;
    if (facts.schoolId === undefined) continue;
    let line = lines.get(facts.schoolId);
    if (!line) {
      line = { schoolId: facts.schoolId, issued: 0, acknowledged: 0, supportedWithin48h: 0, bounced: 0 };
      lines.set(facts.schoolId, line);
    }
    line.issued += 1;
    if (facts.acknowledgedAt !== undefined) line.acknowledged += 1;
    if (supportedInTime(entry)) line.supportedWithin48h += 1;
    if (facts.bounced && !AT_A_SCHOOL.has(facts.state)) line.bounced += 1;
  }
  return [...lines.values()].sort((a, b) => (a.schoolId < b.schoolId ? -1 : a.schoolId > b.schoolId ? 1 : 0));
}

/** One line per school with at least one signal issued in `week`, sorted by school id. */
export function schoolFigures(facts: readonly SignalFacts[], week: IsoWeek): SchoolFigures[] {
  return schoolFiguresOfCohort(cohortOf(facts, week));
}
