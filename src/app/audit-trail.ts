import type { Member } from '../domain/directory';
import type { Actor } from '../domain/signal';
import type { AuditEntry, AuditLog, AuditRole } from '../ports';

/** Where a request came from: the chat it was made in, and the incoming activity's correlation id. */
export interface RequestSource {
  /** E.g. `msteams:<conversation id>`. */
  origin?: string | undefined;
  /** One per incoming activity: the same id is on that turn's log lines. */
  correlationId?: string | undefined;
  /** The message whose card button made the request (Teams' replyToId); not written to the audit log. */
  messageId?: string | undefined;
}

/** The member who makes a request, as a step of a signal records them, with the message they pressed on. */
export function actorOf(member: Member, source: RequestSource): Actor {
  return { id: member.aadObjectId, name: member.name, ...(source.messageId ? { onMessage: source.messageId } : {}) };
}

/** Who asks to do what with which signal, in which role, and from where: the fields every audit entry of a request shares. */
export interface AuditedRequest extends RequestSource {
  actorId: string;
  /** The role the request is made in: the one it needs, whether or not the actor holds it. */
  role: AuditRole;
  signalId: string;
  action: string;
}

/** The optional fields of an entry that a request's source fills in, left out when unknown. */
export function sourceFields(source: RequestSource): Pick<AuditEntry, 'origin' | 'correlationId'> {
  return {
    ...(source.origin ? { origin: source.origin } : {}),
    ...(source.correlationId ? { correlationId: source.correlationId } : {}),
  };
}

/**
 * The shapes signal ids are made in: `random.uuid()` (a version 4 UUID, src/app/issue-signal.ts)
 * or a submission id (a version 8 UUID, bot/submission-id.ts), both lower case.
 */
const SIGNAL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[48][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Whether card data's signal id could be one: only then may it be written to the audit log or a log line. */
export function isSignalIdShaped(signalId: string): boolean {
  return SIGNAL_ID.test(signalId);
}

/**
 * Records the outcome of one request about a signal. It starts out naming the signal by id and
 * switches to its reference code once the signal is read (`about`), so no entry needs the child.
 * An id that is not shaped like one (free text in card data, which might hold anything) is left
 * out: an entry about no signal names no object.
 */
export function auditTrail(audit: AuditLog, request: AuditedRequest, at: () => Date) {
  let objectId: string | undefined = isSignalIdShaped(request.signalId) ? request.signalId : undefined;
  return {
    about(reference: string): void {
      objectId = reference;
    },
    record(result: AuditEntry['result']): Promise<void> {
      return audit.append({
        at: at().toISOString(),
        actorId: request.actorId,
        role: request.role,
        action: request.action,
        ...(objectId ? { objectId } : {}),
        result,
        ...sourceFields(request),
      });
    },
  };
}
