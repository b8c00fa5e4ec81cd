import { hasRole, isContactOfSchool, type Member, type RoleName } from '../domain/directory';
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

export async function requireContactOf(directory: DirectoryStore, memberId: string, signal: Signal): Promise<Member> {
  const member = await directory.getMember(memberId);
  if (!member) throw new DomainError(ErrorCodes.unknownMember);
  if (!isContactOfSchool(member, signal.schoolId)) {
    throw new DomainError(ErrorCodes.notYourSignal, { signalId: signal.id });
  }
  return member;
}
