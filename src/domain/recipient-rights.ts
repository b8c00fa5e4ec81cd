/**
 * Whether someone may still be shown a card that names the child: recipients are chosen when a
 * signal is issued, routed or bounced, and the directory can take a role away in between (a
 * contact who left the school on Saturday must not get Monday's card).
 */
import { rolesOf, type Member } from './directory';
import type { Delivery, Signal } from './signal';

export function stillHoldsRoleFor(member: Member | undefined, delivery: Delivery, signal: Signal): boolean {
  switch (delivery.role) {
    case 'school_contact':
      return rolesOf(member, 'school_contact').some((r) => r.schoolId === delivery.schoolId);
    case 'leerplicht':
      return rolesOf(member, 'leerplicht').some((r) => r.municipalityIds.includes(signal.municipalityId));
    case 'coordinator':
      return rolesOf(member, 'coordinator').some((r) => r.municipalityIds.includes(signal.municipalityId));
    case 'vt_worker':
      return rolesOf(member, 'vt_worker').some((r) => r.municipalityIds.includes(signal.municipalityId));
    case 'admin':
      return rolesOf(member, 'admin').length > 0;
  }
}
