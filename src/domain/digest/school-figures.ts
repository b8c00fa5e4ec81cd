/**
 * The per-school table of a municipality's digest: counts per school over the week's cohort (the
 * signals issued in it, see `weekly-figures.ts`), unsuppressed; the card applies `showCount`.
 *
 * - A signal is on the line of its fact's `schoolId`: the school it is at, or the school that sent
 *   it back last while it has not reached another. Which of the two, the state tells: at a school
 *   now iff `issued`, `delivered`, `acknowledged` or `supported` (`atASchoolNow`). Signals without
 *   a school are not in the table. A school that only sent signals back has a line with 0 signals.
 * - **issued**: the signals at this school now; **acknowledged**: those of them with
 *   `acknowledgedAt`; **supportedWithin48h**: those of them with support recorded within 48
 *   elapsed hours of issue (as the headline). A signal this school sent back counts in none of
 *   these, so it never counts against the school as not seen or not supported.
 * - **bounced**: signals this school sent back that are not at a school now (`bounced`,
 *   `awaiting_routing` or `unroutable`), so `schoolId` is the school that sent them back. A
 *   signal leerplicht placed at another school since is on that school's line, and is not counted
 *   as bounced there: that school did not send it back, and the facts do not say which one did.
 * - So a school's seen and supported are part of its signals, and its sent back are apart from
 *   them (relations a reader of the table may use: see `protectSchoolTable`).
 */
import type { SchoolFigures } from './figures';
import type { IsoWeek } from './iso-week';
import type { SignalFacts } from './signal-facts';
import { atASchoolNow, cohortOf, supportedInTime, type IssuedFacts } from './weekly-figures';

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
    if (atASchoolNow(facts.state)) {
      line.issued += 1;
      if (facts.acknowledgedAt !== undefined) line.acknowledged += 1;
      if (supportedInTime(entry)) line.supportedWithin48h += 1;
    } else if (facts.bounced) {
      line.bounced += 1;
    }
  }
  return [...lines.values()].sort((a, b) => (a.schoolId < b.schoolId ? -1 : a.schoolId > b.schoolId ? 1 : 0));
}

/** One line per school with at least one signal issued in `week`, sorted by school id. */
export function schoolFigures(facts: readonly SignalFacts[], week: IsoWeek): SchoolFigures[] {
  return schoolFiguresOfCohort(cohortOf(facts, week));
}
