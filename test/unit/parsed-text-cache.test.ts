/**
 * A document's text is parsed and checked once: the same text answers the same (frozen) value,
 * a changed text is parsed anew, and nobody can change what the others are handed.
 */
import { ParsedTextCache } from '../../src/store/parsed-text-cache';

describe('ParsedTextCache', () => {
  const counting = () => {
    const seen: unknown[] = [];
    const cache = new ParsedTextCache((raw: unknown) => {
      seen.push(raw);
      return raw as { name: string; roles: Array<{ role: string }> };
    }, 2);
    return { cache, seen };
  };

  it('parses a text once and answers the same value for it after', () => {
    const { cache, seen } = counting();
    const text = JSON.stringify({ name: 'Jan', roles: [{ role: 'admin' }] });

    const first = cache.get(text);
    const again = cache.get(text);

    expect(again).toBe(first);
    expect(seen).toHaveLength(1);
  });

  it('parses a changed document anew: an edit is never answered with the old value', () => {
    const { cache } = counting();
    cache.get(JSON.stringify({ name: 'Jan', roles: [] }));

    expect(cache.get(JSON.stringify({ name: 'Jan de Vries', roles: [] })).name).toBe('Jan de Vries');
  });

  it('hands out values nobody can change, down to nested lists', () => {
    const { cache } = counting();
    const member = cache.get(JSON.stringify({ name: 'Jan', roles: [{ role: 'admin' }] }));

    expect(() => member.roles.push({ role: 'manager' })).toThrow(TypeError);
    expect(() => {
      member.roles[0]!.role = 'manager';
    }).toThrow(TypeError);
  });

  it('keeps at most its capacity, dropping the least recently used first', () => {
    const { cache, seen } = counting();
    const [a, b, c] = ['a', 'b', 'c'].map((name) => JSON.stringify({ name, roles: [] }));
    cache.get(a!);
    cache.get(b!);
    cache.get(a!);
    cache.get(c!);

    cache.get(a!);
    expect(seen).toHaveLength(3);
    cache.get(b!);
    expect(seen).toHaveLength(4);
  });

  it('stays within its capacity when every entry was read since it last came round, keeping those read', () => {
    const { cache, seen } = counting();
    const [a, b, c] = ['a', 'b', 'c'].map((name) => JSON.stringify({ name, roles: [] }));
    cache.get(a!);
    cache.get(b!);
    cache.get(a!);
    cache.get(b!);
    cache.get(c!);

    // The two that are read go on being answered without a parse; the newcomer was the one to go.
    cache.get(a!);
    cache.get(b!);
    expect(seen).toHaveLength(3);
    cache.get(c!);
    expect(seen).toHaveLength(4);
  });

  it('lets a text that fails its check fail every time, and keeps nothing of it', () => {
    const cache = new ParsedTextCache((raw: unknown) => {
      if (typeof raw !== 'object' || raw === null || !('name' in raw)) throw new Error('not a member');
      return raw;
    });

    expect(() => cache.get('{}')).toThrow('not a member');
    expect(() => cache.get('{}')).toThrow('not a member');
  });
});
