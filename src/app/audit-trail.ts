import type { AuditEntry, AuditLog } from '../ports';

/** Who asks to do what with which signal, and from where: the fields every audit entry of a request shares. */
export interface AuditedRequest {
  actorId: string;
  signalId: string;
  action: string;
  origin?: string | undefined;
}

/**
 * Records the outcome of one request about a signal. It starts out naming the signal by id and
 * switches to its reference code once the signal is read (`about`), so no entry needs the child.
 */
export function auditTrail(audit: AuditLog, request: AuditedRequest, at: () => Date) {
  let objectId = request.signalId;
  return {
    about(reference: string): void {
      objectId = reference;
    },
    record(result: AuditEntry['result']): Promise<void> {
      return audit.append({
        at: at().toISOString(),
        actorId: request.actorId,
        action: request.action,
        objectId,
        result,
        ...(request.origin ? { origin: request.origin } : {}),
      });
    },
  };
}
