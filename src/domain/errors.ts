/**
 * Expected failures carry a stable code; `bot/` maps each code to text for the user.
 * Never put a child's name or birth date in a message or in `context`: both may be logged.
 */
export const ErrorCodes = {
  signalNotFound: 'SIGNAL.NOT_FOUND',
  alreadyAcknowledged: 'SIGNAL.ALREADY_ACKNOWLEDGED',
  notAcknowledged: 'SIGNAL.NOT_ACKNOWLEDGED',
  supportLocked: 'SIGNAL.SUPPORT_LOCKED',
  supportClosed: 'SIGNAL.SUPPORT_CLOSED',
  redacted: 'SIGNAL.REDACTED',
  alreadyRouted: 'SIGNAL.ALREADY_ROUTED',
  alreadyClosed: 'SIGNAL.ALREADY_CLOSED',
  schoolTried: 'SIGNAL.SCHOOL_TRIED',
  notAtSchool: 'SIGNAL.NOT_AT_SCHOOL',
  notBounced: 'SIGNAL.NOT_BOUNCED',
  notEscalated: 'SIGNAL.NOT_ESCALATED',
  escalationTaken: 'SIGNAL.ESCALATION_TAKEN',
  noRecipients: 'SIGNAL.NO_RECIPIENTS',
  roleRequired: 'ACCESS.ROLE_REQUIRED',
  notYourSignal: 'ACCESS.NOT_YOUR_SIGNAL',
  unknownMember: 'ACCESS.UNKNOWN_MEMBER',
  storeConflict: 'STORE.CONFLICT',
  referenceTaken: 'STORE.REFERENCE_TAKEN',
  directoryInvalid: 'DIRECTORY.INVALID',
  directoryReadOnly: 'DIRECTORY.READ_ONLY',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Ids and codes only: no personal data. */
    readonly context: Readonly<Record<string, string | number | boolean | undefined>> = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export function isDomainError(error: unknown, code?: ErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
