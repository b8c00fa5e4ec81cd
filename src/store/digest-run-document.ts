import { z } from 'zod';
import type { DigestRun } from '../domain/digest/digest-run';
import { instantSchema } from './instant';
import { parseDocument } from './invalid-document-error';
import type { Assert, Same } from './schema-guard';

const id = z.string().min(1);

const digestRecipientSchema = z.strictObject({
  memberId: id,
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int().min(0),
  nextAttemptAt: instantSchema,
  leaseId: id.optional(),
  sentAt: instantSchema.optional(),
  activityId: z.string().optional(),
  lastError: z.string().optional(),
});

/**
 * A stored digest run. Strict, like the signal's schema: an unknown field means the document is
 * newer than this code or the schema lags the type, and failing beats dropping it on the next write.
 */
export const digestRunSchema = z.strictObject({
  id,
  week: z.strictObject({ year: z.number().int(), week: z.number().int().min(1).max(53) }),
  startedAt: instantSchema,
  recipients: z.array(digestRecipientSchema),
});

/** Compile-time guard: a field added to `DigestRun` but not to the schema (or back) fails `tsc`. */
export type DigestRunSchemaMatchesDigestRun = Assert<Same<z.output<typeof digestRunSchema>, DigestRun>>;

/** Store -> domain, and domain -> store: stores check before writing, so nothing unreadable is kept. */
export function parseDigestRunDocument(raw: unknown): DigestRun {
  return parseDocument(digestRunSchema, 'digest run', raw);
}
