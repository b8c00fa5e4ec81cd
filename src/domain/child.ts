import { ageInYears, parseCalendarDate } from './calendar-date';

/** The only things a signal ever says about a child. */
export interface ChildIdentity {
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD */
  birthDate: string;
}

export const NAME_MAX_LENGTH = 60;
export const MIN_AGE = 2;
export const MAX_AGE = 23;

/**
 * Letters (with diacritics), spaces, hyphens and apostrophes, starting with a letter or with an
 * apostrophe before one: Dutch surnames such as 't Hart begin that way.
 */
const NAME_PATTERN = /^['’]?\p{L}[\p{L}\p{M} '’-]*$/u;

export type NameProblem = 'required' | 'tooLong' | 'characters';
export type BirthDateProblem = 'required' | 'invalid' | 'tooYoung' | 'tooOld';

export function checkName(raw: string | undefined): { value: string } | { problem: NameProblem } {
  const value = (raw ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');
  if (value.length === 0) return { problem: 'required' };
  if (value.length > NAME_MAX_LENGTH) return { problem: 'tooLong' };
  if (!NAME_PATTERN.test(value)) return { problem: 'characters' };
  return { value };
}

/** A real date, and a child between MIN_AGE and MAX_AGE years old on `today` (YYYY-MM-DD). */
export function checkBirthDate(
  raw: string | undefined,
  today: string,
): { value: string } | { problem: BirthDateProblem } {
  const value = (raw ?? '').trim();
  if (value.length === 0) return { problem: 'required' };
  if (!parseCalendarDate(value) || value > today) return { problem: 'invalid' };
  const age = ageInYears(value, today);
  if (age < MIN_AGE) return { problem: 'tooYoung' };
  if (age > MAX_AGE) return { problem: 'tooOld' };
  return { value };
}
