import { z } from 'zod';
import type { ChildIdentity } from '../domain/child';
import type { Signal } from '../domain/signal';
import { CLOSING_REASONS } from '../domain/routing';
import { PRIOR_CONCERN_ANSWERS, SUPPORT_CATEGORIES } from '../domain/support';
import { instantSchema } from './instant';
import { parseDocument } from './invalid-document-error';

const id = z.string().min(1);
const deliveryView = z.enum([
  'signal',
  'taken',
  'support_form',
  'supported',
  'withdrawn',
  'access_ended',
  'route',
  'routed',
  'route_closed',
  'bounced_notice',
  'bounce_rerouted',
  'unroutable_notice',
  'reminder',
  'support_reminder',
  'escalation',
  'escalation_taken',
  'escalation_no_coordinator',
  'delivery_alert',
  'name_alert',
]);
const actorStamp = { by: id, byName: z.string(), at: instantSchema };

export const childIdentitySchema = z.strictObject({
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  birthDate: z.iso.date(),
});

const timelineEventSchema = z.strictObject({
  at: instantSchema,
  type: z.enum([
    'issued',
    'to_leerplicht',
    'forwarded',
    'delivered',
    'delivery_failed',
    'acknowledged',
    'support_recorded',
    'support_changed',
    'bounced',
    'unroutable',
    'reminded',
    'escalated',
    'escalation_taken',
    'support_overdue',
    'redacted',
  ]),
  actorId: id.optional(),
  subjectId: id.optional(),
});

const deliverySchema = z.strictObject({
  key: id,
  recipientId: id,
  recipientName: z.string(),
  role: z.enum(['school_contact', 'leerplicht', 'vt_worker', 'coordinator', 'admin']),
  rank: z.enum(['primary', 'backup']).optional(),
  schoolId: id.optional(),
  view: deliveryView,
  shownView: deliveryView.optional(),
  status: z.enum(['pending', 'sent', 'failed']),
  conversationId: z.string().optional(),
  activityId: z.string().optional(),
  attempts: z.number().int().min(0),
  nextAttemptAt: instantSchema.optional(),
  leaseId: id.optional(),
  lastError: z.string().optional(),
  about: id.optional(),
  inDoubtSends: z.number().int().min(1).optional(),
  copies: z.array(z.string()).optional(),
});

/**
 * A stored signal without the child: the identity is kept apart (its own row or document) so
 * forgetting it deletes it rather than editing it out of a record that lives on. Strict: an unknown field means the document is newer than this code or the
 * schema lags the type, and failing loudly beats silently dropping that field on the next write.
 */
export const signalSchema = z.strictObject({
  id,
  reference: id,
  householdId: id.optional(),
  municipalityId: id,
  route: z.enum(['direct', 'leerplicht']),
  schoolId: id.optional(),
  triedSchoolIds: z.array(id),
  redactAt: instantSchema.optional(),
  redactedAt: instantSchema.optional(),
  supportClosesAt: instantSchema.optional(),
  issuedBy: id,
  issuedAt: instantSchema,
  state: z.enum(['awaiting_routing', 'issued', 'delivered', 'acknowledged', 'supported', 'bounced', 'unroutable']),
  stateChangedAt: instantSchema,
  forwarding: z.strictObject({ ...actorStamp, schoolId: id }).optional(),
  bounce: z.strictObject({ ...actorStamp, schoolId: id }).optional(),
  unroutable: z.strictObject({ ...actorStamp, reason: z.enum(CLOSING_REASONS) }).optional(),
  acknowledgement: z.strictObject({ by: id, byName: z.string(), at: instantSchema }).optional(),
  support: z
    .strictObject({
      categories: z.array(z.enum(SUPPORT_CATEGORIES)),
      priorConcern: z.enum(PRIOR_CONCERN_ANSWERS),
      by: id,
      byName: z.string(),
      firstRecordedAt: instantSchema,
      recordedAt: instantSchema,
    })
    .optional(),
  schedule: z
    .strictObject({
      dueAt: instantSchema,
      remindAt: instantSchema.optional(),
      escalateAt: instantSchema.optional(),
      supportDeadline: instantSchema,
      supportRemindAt: instantSchema.optional(),
    })
    .optional(),
  escalation: z
    .strictObject({
      at: instantSchema,
      takenBy: z.strictObject(actorStamp).optional(),
    })
    .optional(),
  timeline: z.array(timelineEventSchema),
  deliveries: z.array(deliverySchema),
  dispatchDueAt: instantSchema.optional(),
  nextDeadlineAt: instantSchema.optional(),
});

/** True only when A and B are the same type, optional fields included. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;

/** The signal as stored in its own row or document: everything but the child. */
export type SignalDocument = Omit<Signal, 'child'>;

/** Compile-time guard: a field added to `Signal` but not to the schema (or back) fails `tsc`. */
export type SignalSchemaMatchesSignal = Assert<Same<z.output<typeof signalSchema>, SignalDocument>>;
export type ChildSchemaMatchesChild = Assert<Same<z.output<typeof childIdentitySchema>, ChildIdentity>>;

/** Store -> domain (and domain -> store: stores check before writing, so nothing unreadable is kept). */
export function parseSignalDocument(raw: unknown): SignalDocument {
  return parseDocument(signalSchema, 'signal', raw);
}

export function parseChildIdentity(raw: unknown): ChildIdentity {
  return parseDocument(childIdentitySchema, 'child identity', raw);
}

/** Splits a signal into what is kept (the anonymous record) and what is forgotten (the identity). */
export function splitSignal(signal: Signal): { document: SignalDocument; child?: ChildIdentity } {
  const { child, ...document } = signal;
  return { document: parseSignalDocument(document), ...(child ? { child: parseChildIdentity(child) } : {}) };
}

/**
 * The signal as the domain sees it. A record marked forgotten never gets an identity back, even
 * when a store's delete of the identity has not happened yet.
 */
export function joinSignal(document: SignalDocument, child: ChildIdentity | undefined): Signal {
  return child && !document.redactedAt ? { ...document, child } : document;
}
