import { REFERENCE_ALPHABET, REFERENCE_LENGTH } from '../../src/domain/reference-code';
import type { Random } from '../../src/ports';

/**
 * A deterministic Random. Every reference code it produces is new (HWC-2222 + n) unless a test
 * queued a specific one with `nextReferences`, e.g. a code that is already taken.
 */
export class SequenceRandom implements Random {
  private readonly queued: number[] = [];
  private codes: number;
  private ids = 0;

  /** `firstCode` picks where the generated codes start, away from the fixtures' codes. */
  constructor(firstCode = 10_000) {
    this.codes = firstCode;
  }

  /** The next reference codes to produce, in order, before the generated ones resume. */
  nextReferences(...codes: string[]): void {
    for (const code of codes) {
      const chars = code.replace(/^HWC-/, '').split('');
      if (chars.length !== REFERENCE_LENGTH) throw new Error(`not a reference code: ${code}`);
      for (const c of chars) {
        const index = REFERENCE_ALPHABET.indexOf(c);
        if (index < 0) throw new Error(`not a reference character: ${c}`);
        this.queued.push(index);
      }
    }
  }

  int(max: number): number {
    if (this.queued.length === 0) this.queueGenerated();
    const next = this.queued.shift()!;
    return next % max;
  }

  uuid(): string {
    this.ids += 1;
    return `00000000-0000-4000-9000-${String(this.ids).padStart(12, '0')}`;
  }

  private queueGenerated(): void {
    const digits: number[] = [];
    for (let rest = this.codes++, i = 0; i < REFERENCE_LENGTH; i++, rest = Math.floor(rest / REFERENCE_ALPHABET.length)) {
      digits.unshift(rest % REFERENCE_ALPHABET.length);
    }
    this.queued.push(...digits);
  }
}
