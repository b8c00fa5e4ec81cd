/**
 * Which delivered cards show the child's name and birth date (while the signal still holds them).
 * Showing one is a read of the child's identity by its recipient, and is audited as such.
 */
import type { DeliveryView } from './signal';

/** A contact's signal card, leerplicht's route card and the support form name the child. */
const IDENTITY_VIEWS: ReadonlySet<DeliveryView> = new Set<DeliveryView>(['signal', 'route', 'support_form']);

export function showsChildIdentity(view: DeliveryView): boolean {
  return IDENTITY_VIEWS.has(view);
}
