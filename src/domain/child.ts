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

/**
 * Code points that show nothing, or change how the text around them is shown: default-ignorable
 * ones (the Hangul fillers U+3164/U+FFA0 count as letters, yet print as blanks; U+034F, variation
 * selectors, zero-width spaces and joiners, soft hyphens) and format controls (bidi marks,
 * overrides and isolates). Two names that look alike on a card must be the same text.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/u;

/** More than this many combining marks on one letter is stacked text, not a spelling. */
export const MAX_COMBINING_MARKS = 2;
const TOO_MANY_MARKS = new RegExp(`\\p{M}{${MAX_COMBINING_MARKS + 1},}`, 'u');

/**
 * The scripts a name's letters are told apart by. A letter in none of these counts as 'Other', so
 * two rarer scripts in one name go unnoticed; the look-alikes that matter (Latin, Cyrillic,
 * Greek) are listed.
 */
const SCRIPTS = [
  'Latin', 'Cyrillic', 'Greek', 'Armenian', 'Georgian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana',
  'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Tamil', 'Telugu', 'Kannada', 'Malayalam',
  'Sinhala', 'Thai', 'Lao', 'Tibetan', 'Myanmar', 'Khmer', 'Ethiopic', 'Mongolian', 'Han',
  'Hiragana', 'Katakana', 'Bopomofo', 'Hangul',
].map((script) => ({ script, pattern: new RegExp(`^\\p{Script=${script}}$`, 'u') }));

/**
 * Scripts written together in one name (Unicode's "highly restrictive" profile, UTS #39): Japanese
 * mixes Han and kana, Chinese Han and Bopomofo, Korean Han and Hangul.
 */
const SCRIPT_MIXES: readonly (readonly string[])[] = [
  ['Han', 'Hiragana', 'Katakana'],
  ['Han', 'Bopomofo'],
  ['Han', 'Hangul'],
];

function scriptOf(letter: string): string {
  return SCRIPTS.find(({ pattern }) => pattern.test(letter))?.script ?? 'Other';
}

/** A letter of any script but Latin: most names here have none, and are decided in one pass. */
const NON_LATIN_LETTER = /(?!\p{Script=Latin})\p{L}/u;

/** True when the letters come from one script (or from one of the usual East Asian mixes). */
function isSingleScript(value: string): boolean {
  if (!NON_LATIN_LETTER.test(value)) return true;
  const scripts = new Set(Array.from(value.matchAll(/\p{L}/gu), ([letter]) => scriptOf(letter)));
  if (scripts.size <= 1) return true;
  return SCRIPT_MIXES.some((mix) => [...scripts].every((script) => mix.includes(script)));
}

export type NameProblem = 'required' | 'tooLong' | 'characters' | 'invisible' | 'combiningMarks' | 'mixedScripts';
export type BirthDateProblem = 'required' | 'invalid' | 'tooYoung' | 'tooOld';

/**
 * The one definition of a valid child name: NFC-composed, trimmed, visible, at most
 * MAX_COMBINING_MARKS marks per letter, letters from one script. All-Cyrillic or all-Greek
 * names are fine; a Cyrillic 'а' in a Latin name is refused, as it makes two children with
 * the same-looking name different text.
 */
export function checkName(raw: string | undefined): { value: string } | { problem: NameProblem } {
  const composed = (raw ?? '').normalize('NFC');
  // Before trimming: JavaScript's \s counts U+FEFF as space and would hide it.
  if (INVISIBLE.test(composed)) return { problem: 'invisible' };
  const value = composed.trim().replace(/\s+/g, ' ');
  if (value.length === 0) return { problem: 'required' };
  if (value.length > NAME_MAX_LENGTH) return { problem: 'tooLong' };
  if (!NAME_PATTERN.test(value)) return { problem: 'characters' };
  if (TOO_MANY_MARKS.test(value)) return { problem: 'combiningMarks' };
  if (!isSingleScript(value)) return { problem: 'mixedScripts' };
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
