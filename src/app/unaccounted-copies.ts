import { withUnaccountedCopies } from '../domain/forget-child';
import type { Delivery, Signal } from '../domain/signal';
import type { AuditLog, Logger } from '../ports';

/**
 * Records in the audit trail, beside the admins' alert, each card of a forgotten child that may
 * have a copy in Teams the bot cannot redraw: who may have it, in which role. An audit log that is
 * down is logged, never allowed to stop the forgetting that already happened.
 */
export async function auditUnaccountedCopies(deps: { audit: AuditLog; logger: Logger }, signal: Signal, cards: Delivery[], now: Date): Promise<void> {
  for (const card of cards) {
    try {
      await deps.audit.append({ at: now.toISOString(), actorId: card.recipientId, role: card.role, action: 'card.copy_unaccounted', objectId: signal.reference, result: 'failed' });
    } catch (error) {
      deps.logger.error({ signalId: signal.id, reference: signal.reference, errorName: error instanceof Error ? error.name : 'unknown' }, 'unaccounted copy not audited');
    }
  }
}

/** The cards of unaccounted copies whose alert a write raised (not one raised before it). */
export function newlyReported(before: Signal, after: Signal): Delivery[] {
  const known = new Set(before.deliveries.map((d) => d.key));
  const cards = new Set(after.deliveries.filter((d) => d.view === 'name_alert' && !known.has(d.key) && d.about).map((d) => d.about));
  return withUnaccountedCopies(after).filter((d) => cards.has(d.key));
}
