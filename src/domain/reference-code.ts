/**
 * Reference codes let people talk about a signal by phone without a name: `HWC-7F3K`.
 * The alphabet leaves out characters that are easily confused (0/O, 1/I/L) and vowels
 * that could spell words.
 */
export const REFERENCE_ALPHABET = '23456789BCDFGHJKMNPQRSTVWXYZ';
/**
 * Five characters: 28⁵ ≈ 17 million codes, so a national roll-out does not run short while codes
 * stay reserved for as long as their records are kept. Codes of four, given before, stay valid.
 */
export const REFERENCE_LENGTH = 5;
export const REFERENCE_PATTERN = new RegExp(`^HWC-[${REFERENCE_ALPHABET}]{4,${REFERENCE_LENGTH}}$`);

/** Builds a code from a source of random integers in [0, max). */
export function newReferenceCode(randomInt: (max: number) => number): string {
  let code = '';
  for (let i = 0; i < REFERENCE_LENGTH; i++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `HWC-${code}`;
}
