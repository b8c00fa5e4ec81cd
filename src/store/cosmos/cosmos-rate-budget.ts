import type { Container, ItemDefinition } from '@azure/cosmos';
import { createHash } from 'node:crypto';
import type { RateBudget, RateTake, RateWindow } from '../../ports';
import { decide, expiresAt, givenBack, parseRateLog, windowsByKey, type RateLog } from '../rate-log';
import { cosmosStatus, etagOf } from './cosmos-documents';

/** Conditional writes per give-back before the call is left counted (never over the limit). */
const MAX_ATTEMPTS = 8;
/** Cosmos DB refuses ids with / \ ? #; long keys are hashed to stay under its 255 characters. */
const MAX_ID_LENGTH = 200;

interface Read {
  key: string;
  id: string;
  log: RateLog | undefined;
  etag: string | undefined;
}

/**
 * The rate budget as one small document per key (`id` from the key, partitioned by it): a
 * conversation's document is written only by calls into that chat, the bot's global one by every
 * call. A take reads the documents, decides, and writes each with its etag (or creates it only if
 * absent); a write that lost a race gives back what the take already wrote and answers "try again
 * now" (retryInMs 0). A call given back late is a call not made: it only ever slows the budget
 * down, never past it.
 * Each document carries a `ttl` of its longest window, so idle conversations vanish on their own.
 */
export class CosmosRateBudget implements RateBudget {
  /** Conditional writes that lost a race (for the benches). */
  conflicts = 0;

  constructor(private readonly container: Container) {}

  async tryTake(windows: readonly RateWindow[], now: number): Promise<RateTake> {
    const byKey = windowsByKey(windows);
    const reads = await Promise.all([...byKey.keys()].map((key) => this.read(key)));
    const decision = decide(new Map(reads.map((r) => [r.key, r.log])), byKey, now);
    if (!decision.ok) return { ok: false, retryInMs: decision.retryInMs, key: decision.key };
    const written: Read[] = [];
    for (const read of reads) {
      if (await this.write(read, decision.logs.get(read.key)!, expiresAt(byKey.get(read.key)!, now) - now)) {
        written.push(read);
        continue;
      }
      // Another instance took from this key since it was read. Not tried again here: the caller
      // asks again with a fresh `now`, so a call is never stamped earlier than it is made (which
      // would let the next one through early).
      this.conflicts++;
      for (const done of written) await this.giveBackKey(done.key, byKey.get(done.key)!, now);
      return { ok: false, retryInMs: 0, key: read.key };
    }
    return { ok: true };
  }

  /**
   * One after another: Cosmos DB has no transaction across documents, and each take already
   * writes only with the etag it read. A key found full stays full for this moment: the requests
   * after it that need that key (all of them, when it is the bot's global budget) are refused
   * without asking again, so a full second costs one round trip, not one per chat waiting.
   */
  async tryTakeEach(requests: ReadonlyArray<readonly RateWindow[]>, now: number): Promise<RateTake[]> {
    const takes: RateTake[] = [];
    const full = new Map<string, RateTake>();
    for (const windows of requests) {
      const known = windows.map((w) => full.get(w.key)).find((take) => take !== undefined);
      const take = known ?? (await this.tryTake(windows, now));
      if (!take.ok && take.retryInMs > 0) full.set(take.key, take);
      takes.push(take);
    }
    return takes;
  }

  private async read(key: string): Promise<Read> {
    const id = documentId(key);
    try {
      const { resource } = await this.container.item(id, id).read<ItemDefinition>();
      if (!resource) return { key, id, log: undefined, etag: undefined };
      return { key, id, log: parseRateLog({ times: resource.times, buckets: resource.buckets }), etag: etagOf(resource) };
    } catch (error) {
      if (cosmosStatus(error) === 404) return { key, id, log: undefined, etag: undefined };
      throw error;
    }
  }

  /** False when another take wrote the document since it was read. */
  private async write(read: Read, log: RateLog, ttlMs: number): Promise<boolean> {
    const document = { id: read.id, ...log, ttl: Math.ceil(ttlMs / 1000) + 1 };
    try {
      if (read.etag === undefined) await this.container.items.create(document);
      else await this.container.item(read.id, read.id).replace(document, { accessCondition: { type: 'IfMatch', condition: read.etag } });
      return true;
    } catch (error) {
      // 409: created by another take meanwhile; 412: written since read; 404: expired meanwhile.
      const status = cosmosStatus(error);
      if (status === 409 || status === 412 || status === 404) return false;
      throw error;
    }
  }

  async giveBack(windows: readonly RateWindow[], at: number): Promise<void> {
    for (const [key, ofKey] of windowsByKey(windows)) await this.giveBackKey(key, ofKey, at);
  }

  /** Takes the call back out of a key's log (a take over several keys that could not complete, or a call not made). */
  private async giveBackKey(key: string, windows: readonly RateWindow[], now: number): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const read = await this.read(key);
      if (!read.log || read.etag === undefined) return;
      if (await this.write(read, givenBack(read.log, windows, now), expiresAt(windows, now) - now)) return;
    }
    // Left in: one call counted that was never made, until its windows pass. Never over the limit.
  }
}

function documentId(key: string): string {
  const encoded = encodeURIComponent(key);
  return encoded.length <= MAX_ID_LENGTH ? encoded : `sha256-${createHash('sha256').update(key).digest('hex')}`;
}
