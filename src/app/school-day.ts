import { amsterdamDay } from '../domain/calendar-date';

/** Two instants fall on the same Dutch calendar day. */
export function sameSchoolDay(a: Date, b: Date): boolean {
  return amsterdamDay(a) === amsterdamDay(b);
}
