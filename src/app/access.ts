import { hasRole, isContactOfSchool, rolesOf, type Member, type RoleName } from '../domain/directory';
import { DomainError, ErrorCodes } from '../domain/errors';
import type { Signal } from '../domain/signal';
import type { DirectoryStore } from '../ports';

/** Only the acting member's roles in the directory decide what they may do. */
export async function requireRole(directory: DirectoryStore, memberId: string, role: RoleName): Promise<Member> {
  const member = await directory.getMember(memberId);
  if (!member) throw new DomainError(ErrorCodes.unknownMember);
  if (!hasRole(member, role)) throw new DomainError(ErrorCodes.roleRequired, { role });
  return member;
}

/**
 * A contact of the school the signal is at now. A contact of a school that sent it back is told
 * so (SIGNAL.NOT_AT_SCHOOL); anyone else is refused.
 */
export async function requireContactOf(directory: DirectoryStore, memberId: string, signal: Signal): Promise<Member> {
  const member = await directory.getMember(memberId);
  if (!member) throw new DomainError(ErrorCodes.unknownMember);
  if (signal.schoolId && isContactOfSchool(member, signal.schoolId)) return member;
  if (signal.triedSchoolIds.some((id) => isContactOfSchool(member, id))) {
    throw new DomainError(ErrorCodes.notAtSchool, { signalId: signal.id });
  }
  throw new DomainError(ErrorCodes.notYourSignal, { signalId: signal.id });
}

/** Why a contact of the school is refused the support: a colleague picked the signal up. */
export const PICKED_UP_BY_COLLEAGUE = 'picked_up_by_colleague';

/**
 * The contact who picked the signal up (pressed Gezien), still a contact of its school: the only
 * one who records, changes or sees the support. A colleague at the same school is refused
 * (ACCESS.NOT_YOUR_SIGNAL, told that a colleague has it); before anyone picked it up there is no
 * support to record (SIGNAL.NOT_ACKNOWLEDGED).
 */
export async function requirePickedUpBy(directory: DirectoryStore, memberId: string, signal: Signal): Promise<Member> {
  const member = await requireContactOf(directory, memberId, signal);
  const picked = signal.acknowledgement;
  if (!picked) throw new DomainError(ErrorCodes.notAcknowledged, { signalId: signal.id });
  if (picked.by !== member.aadObjectId) {
    throw new DomainError(ErrorCodes.notYourSignal, { signalId: signal.id, role: 'school_contact', reason: PICKED_UP_BY_COLLEAGUE });
  }
  return member;
}

/** A leerplicht officer of the signal's municipality. */
export async function requireLeerplichtOf(directory: DirectoryStore, memberId: string, signal: Signal): Promise<Member> {
  const member = await requireRole(directory, memberId, 'leerplicht');
  if (!rolesOf(member, 'leerplicht').some((r) => r.municipalityIds.includes(signal.municipalityId))) {
    throw new DomainError(ErrorCodes.notYourSignal, { signalId: signal.id, role: 'leerplicht' });
  }
  return member;
}

/** The Veilig Thuis worker who issued the signal. */
export async function requireIssuerOf(directory: DirectoryStore, memberId: string, signal: Signal): Promise<Member> {
  const member = await requireRole(directory, memberId, 'vt_worker');
  if (signal.issuedBy !== member.aadObjectId) throw new DomainError(ErrorCodes.notYourSignal, { signalId: signal.id, role: 'vt_worker' });
  return member;
}

/** A coordinator of the signal's municipality. */
export async function requireCoordinatorOf(directory: DirectoryStore, memberId: string, signal: Signal): Promise<Member> {
  const member = await requireRole(directory, memberId, 'coordinator');
  if (!rolesOf(member, 'coordinator').some((r) => r.municipalityIds.includes(signal.municipalityId))) {
    throw new DomainError(ErrorCodes.notYourSignal, { signalId: signal.id, role: 'coordinator' });
  }
  return member;
}
