import { z } from 'zod';
import type { Signal } from '../domain/signal';
import { UNROUTABLE_REASONS } from '../domain/routing';
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
  'delivery_alert',
]);
const actorStamp = { by: id, byName: z.string(), at: instantSchema };

const childSchema = z.strictObject({
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
});

/**
 * A stored signal. Strict: an unknown field means the document is newer than this code or the
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
  child: childSchema.optional(),
  issuedBy: id,
  issuedAt: instantSchema,
  state: z.enum(['awaiting_routing', 'issued', 'delivered', 'acknowledged', 'supported', 'bounced', 'unroutable']),
  stateChangedAt: instantSchema,
  forwarding: z.strictObject({ ...actorStamp, schoolId: id }).optional(),
  bounce: z.strictObject({ ...actorStamp, schoolId: id }).optional(),
  unroutable: z.strictObject({ ...actorStamp, reason: z.enum(UNROUTABLE_REASONS) }).optional(),
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

/** Compile-time guard: a field added to `Signal` but not to the schema (or back) fails `tsc`. */
export type SignalSchemaMatchesSignal = Assert<Same<z.output<typeof signalSchema>, Signal>>;

/** Store -> domain (and domain -> store: stores check before writing, so nothing unreadable is kept). */
export function parseSignalDocument(raw: unknown): Signal {
  return parseDocument(signalSchema, 'signal', raw);
}
