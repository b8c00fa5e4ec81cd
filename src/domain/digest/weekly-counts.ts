/**
 * The trend's raw numbers: per week, how many signals were issued and how many of them had
 * support recorded within 48 hours. A store counts these itself (SQL), so the trend over 52
 * weeks never needs every record of the year; `countsOf` is the reference the stores are held to.
 */
import type { SignalFacts } from './signal-facts';
import { SUPPORT_WITHIN_MS } from './weekly-figures';

export interface WeekBounds {
  from: Date;
  to: Date;
}

export interface WeeklyCounts {
  issued: number;
  supportedWithin48h: number;
}

/**
 * Which records a digest counts: those of its municipalities (where the signal was issued), and
 * those at its schools (`SignalFacts.schoolId`) whichever municipality issued them — leerplicht
 * places children at schools across municipal borders, and a school's manager steers on them all.
 */
export interface FactsScope {
  municipalityIds: string[];
  schoolIds: string[];
}

export function inFactsScope(scope: FactsScope, facts: SignalFacts): boolean {
  return scope.municipalityIds.includes(facts.municipalityId) || (facts.schoolId !== undefined && scope.schoolIds.includes(facts.schoolId));
}

/**
 * For a store that counts by reading the facts (memory, Cosmos DB): the facts of the whole span
 * of `weeks`, read once with `read`, then counted.
 */
export async function countsFromFacts(
  read: (scope: FactsScope, from: Date, to: Date) => Promise<SignalFacts[]>,
  scope: FactsScope,
  weeks: readonly WeekBounds[],
): Promise<WeeklyCounts[]> {
  if (weeks.length === 0) return [];
  return countsOf(await read(scope, weeks[0]!.from, weeks.at(-1)!.to), scope, weeks);
}

/** Per week (in the order given), from facts: what a store's own count must equal. */
export function countsOf(facts: readonly SignalFacts[], scope: FactsScope, weeks: readonly WeekBounds[]): WeeklyCounts[] {
  const counts = weeks.map(() => ({ issued: 0, supportedWithin48h: 0 }));
  for (const f of facts) {
    if (!inFactsScope(scope, f)) continue;
    const issuedMs = Date.parse(f.issuedAt);
    const i = weeks.findIndex((w) => w.from.getTime() <= issuedMs && issuedMs < w.to.getTime());
    if (i < 0) continue;
    counts[i]!.issued += 1;
    if (f.supportRecordedAt !== undefined && Date.parse(f.supportRecordedAt) - issuedMs <= SUPPORT_WITHIN_MS) counts[i]!.supportedWithin48h += 1;
  }
  return counts;
}
