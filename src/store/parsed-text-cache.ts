/**
 * Documents read as text (SQLite keeps each as a JSON string) parsed once: the same text is the
 * same document, so a read that finds text it has seen before skips `JSON.parse` and the schema
 * check and answers what they answered then. The directory is read on every turn and every card,
 * and changes seldom; a changed entry is new text, so it is parsed anew and never answered stale.
 *
 * Values are frozen, deeply: one object is handed to every reader, and a caller that changed it
 * would change it for all of them — it fails at once instead. Least recently used entries go first.
 */
export class ParsedTextCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(
    private readonly parse: (raw: unknown) => T,
    private readonly capacity = 20_000,
  ) {}

  get(text: string): T {
    const hit = this.entries.get(text);
    if (hit !== undefined) {
      // Most recently used last: the first key is the next to go.
      this.entries.delete(text);
      this.entries.set(text, hit);
      return hit;
    }
    return this.keep(text, this.parse(JSON.parse(text)));
  }

  private keep(text: string, parsed: T): T {
    const value = deepFreeze(parsed);
    this.entries.set(text, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
