/**
 * Documents read as text (SQLite keeps each as a JSON string) parsed once: the same text is the
 * same document, so a read that finds text it has seen before skips `JSON.parse` and the schema
 * check and answers what they answered then. The directory is read on every turn and every card,
 * and changes seldom; a changed entry is new text, so it is parsed anew and never answered stale.
 *
 * Values are frozen, deeply: one object is handed to every reader, and a caller that changed it
 * would change it for all of them — it fails at once instead. When full, the entry that has gone
 * longest without a read goes first, as near as a second chance tells (below).
 */
export class ParsedTextCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly parse: (raw: unknown) => T,
    private readonly capacity = 20_000,
  ) {}

  get(text: string): T {
    const hit = this.entries.get(text);
    if (hit !== undefined) {
      // Only marked: a hit is on the path of every turn and card, and moving the entry to the
      // back (a delete and a set, each hashing the whole text again) cost more than the lookup.
      hit.used = true;
      return hit.value;
    }
    return this.keep(text, this.parse(JSON.parse(text)));
  }

  private keep(text: string, parsed: T): T {
    const value = deepFreeze(parsed);
    this.entries.set(text, { value, used: false });
    if (this.entries.size > this.capacity) this.dropOne();
    return value;
  }

  /**
   * Second chance: the oldest entry goes, unless it was read since it last came round — then it
   * moves to the back with its mark cleared, and the next oldest is asked.
   */
  private dropOne(): void {
    for (const [text, entry] of this.entries) {
      this.entries.delete(text);
      if (!entry.used) return;
      entry.used = false;
      this.entries.set(text, entry);
    }
  }
}

interface Entry<T> {
  value: T;
  /** Read since it was kept, or since it last came round for dropping. */
  used: boolean;
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
