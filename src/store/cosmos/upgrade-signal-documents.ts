import type { Container, ItemDefinition } from '@azure/cosmos';
import type { ChildIdentity } from '../../domain/child';
import { identityExpiresAt } from '../../domain/forget-child';
import { withDispatchDue, type Signal } from '../../domain/signal';
import { parseChildIdentity, parseSignalDocument, type SignalDocument } from '../signal-document';
import { cosmosStatus, domainFields, etagOf } from './cosmos-documents';
import type { IdentityDocument } from './cosmos-signal-store';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The plan given to a record written before forgetting existed, as the SQLite schema's migration
 * 5 gives it: forget the child five days after issue (the school calendar of that time is not
 * known here), and close support two days later (five school days are a calendar week at least).
 */
export const LEGACY_FORGET_AFTER_DAYS = 5;
export const LEGACY_SUPPORT_CLOSES_AFTER_DAYS = 7;

/** Signal documents in an earlier shape: the child inside, or no plan to forget it or to close support. */
const OUTDATED = `SELECT * FROM c WHERE IS_DEFINED(c.child)
  OR (NOT IS_DEFINED(c.redactAt) AND NOT IS_DEFINED(c.redactedAt))
  OR NOT IS_DEFINED(c.supportClosesAt)`;

export interface UpgradeCounts {
  /** Signal documents in an earlier shape (found, or, after a run, upgraded). */
  signals: number;
  /** Of those, with the child's identity inside: moved to `identities`. */
  identitiesSplitOut: number;
  /**
   * Of those, with an identity already past the store's backstop expiry: not written back but
   * dropped, as the backstop would have deleted it; the record is forgotten at the next tick.
   */
  identitiesDropped: number;
  /** Of those, given `redactAt` (the latest moment to forget the child). */
  redactAtSet: number;
  /** Of those, given `supportClosesAt`. */
  supportClosesAtSet: number;
  /** Changed by someone else while being upgraded: left for the next run. */
  leftForNextRun: number;
}

export interface UpgradeOptions {
  /** Counts what would change and writes nothing. */
  dryRun: boolean;
  /** The moment of the run: an identity written now expires (Cosmos TTL) from here. */
  now: Date;
  /** Documents read per page. */
  pageSize?: number;
}

interface Upgrade {
  document: SignalDocument;
  child?: ChildIdentity;
  setRedactAt: boolean;
  setSupportClosesAt: boolean;
}

/**
 * A stored signal in an earlier shape, brought to the current one: the child taken out (to be
 * written to `identities`), the missing moments planned from the issue time, the derived
 * deadline index recomputed so the scheduler forgets on time. Validated like any write.
 */
export function upgradedSignal(raw: ItemDefinition): Upgrade {
  const { child, ...rest } = domainFields(raw) as Record<string, unknown> & Partial<Signal>;
  const issuedAt = Date.parse(String(rest.issuedAt));
  const setRedactAt = rest.redactAt === undefined && rest.redactedAt === undefined;
  const setSupportClosesAt = rest.supportClosesAt === undefined;
  const planned = {
    ...rest,
    ...(setRedactAt ? { redactAt: new Date(issuedAt + LEGACY_FORGET_AFTER_DAYS * DAY_MS).toISOString() } : {}),
    ...(setSupportClosesAt ? { supportClosesAt: new Date(issuedAt + LEGACY_SUPPORT_CLOSES_AFTER_DAYS * DAY_MS).toISOString() } : {}),
  };
  const document = parseSignalDocument(withDispatchDue(parseSignalDocument(planned)));
  // A record already forgotten keeps no identity, whatever an old document still holds.
  const kept = child !== undefined && !document.redactedAt ? parseChildIdentity(child) : undefined;
  return { document, ...(kept ? { child: kept } : {}), setRedactAt, setSupportClosesAt };
}

/**
 * Upgrades every signal document written by an earlier version. Idempotent (a document already
 * in the current shape is not found again) and resumable: each document is upgraded on its own,
 * identity first, then the signal in one conditional replace, so a run stopped anywhere leaves
 * every document either old (found by the next run, whose identity write then finds its own
 * earlier one) or new.
 */
export async function upgradeSignalDocuments(signals: Container, identities: Container, options: UpgradeOptions): Promise<UpgradeCounts> {
  const total = emptyCounts();
  // Upgraded documents leave the query's results while it is paged, which may make it skip
  // some: pass again until a pass upgrades nothing. A dry run changes nothing: one pass.
  for (;;) {
    const pass = await upgradePass(signals, identities, options);
    for (const key of Object.keys(total) as Array<keyof UpgradeCounts>) if (key !== 'leftForNextRun') total[key] += pass[key];
    total.leftForNextRun = pass.leftForNextRun;
    if (options.dryRun || pass.signals === 0) return total;
  }
}

function emptyCounts(): UpgradeCounts {
  return { signals: 0, identitiesSplitOut: 0, identitiesDropped: 0, redactAtSet: 0, supportClosesAtSet: 0, leftForNextRun: 0 };
}

async function upgradePass(signals: Container, identities: Container, options: UpgradeOptions): Promise<UpgradeCounts> {
  const counts = emptyCounts();
  const pages = signals.items.query<ItemDefinition>(OUTDATED, { maxItemCount: options.pageSize ?? 100 });
  while (pages.hasMoreResults()) {
    const { resources } = await pages.fetchNext();
    for (const raw of resources) {
      const upgrade = upgradedSignal(raw);
      const expired = upgrade.child !== undefined && identityExpiresAt(upgrade.document) <= options.now;
      if (!options.dryRun && !(await write(signals, identities, raw, upgrade, expired, options.now))) {
        counts.leftForNextRun++;
        continue;
      }
      counts.signals++;
      if (upgrade.child && !expired) counts.identitiesSplitOut++;
      if (expired) counts.identitiesDropped++;
      if (upgrade.setRedactAt) counts.redactAtSet++;
      if (upgrade.setSupportClosesAt) counts.supportClosesAtSet++;
    }
  }
  return counts;
}

/** Writes one upgrade; false when the signal changed since it was read (412) or is gone (404). */
async function write(signals: Container, identities: Container, raw: ItemDefinition, upgrade: Upgrade, expired: boolean, now: Date): Promise<boolean> {
  if (upgrade.child && !expired) await createIdentity(identities, upgrade.document, upgrade.child, now);
  try {
    await signals
      .item(upgrade.document.id, upgrade.document.municipalityId)
      .replace(upgrade.document, { accessCondition: { type: 'IfMatch', condition: etagOf(raw) } });
    return true;
  } catch (error) {
    const status = cosmosStatus(error);
    if (status === 412 || status === 404) return false;
    throw error;
  }
}

/**
 * The identity as the store writes it at issue, its TTL counted from now (the write). One already
 * there (an earlier run stopped after writing it) is left as it is.
 */
async function createIdentity(identities: Container, document: SignalDocument, child: ChildIdentity, now: Date): Promise<void> {
  const expiresAt = identityExpiresAt(document);
  const ttl = Math.max(1, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000));
  const identity: IdentityDocument = { id: document.id, child, expiresAt: expiresAt.toISOString(), ttl };
  try {
    await identities.items.create(identity);
  } catch (error) {
    if (cosmosStatus(error) !== 409) throw error;
  }
}
