import { z } from 'zod';
import type { AuditEntry } from '../ports';
import { instantSchema } from './instant';
import { parseDocument } from './invalid-document-error';

const auditEntrySchema = z.object({
  at: instantSchema,
  actorId: z.string().min(1),
  action: z.string().min(1),
  objectId: z.string().min(1).optional(),
  result: z.enum(['ok', 'refused', 'failed']),
  origin: z.string().optional(),
}) satisfies z.ZodType<AuditEntry>;

/** Checked on append as well as on read, so an entry that cannot be listed is never kept. */
export function parseAuditEntry(raw: unknown): AuditEntry {
  return parseDocument(auditEntrySchema, 'audit entry', raw, 'objectId');
}
