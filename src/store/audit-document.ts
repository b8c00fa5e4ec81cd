import { z } from 'zod';
import type { AuditEntry, AuditRole } from '../ports';
import { instantSchema } from './instant';
import { parseDocument } from './invalid-document-error';

/** How long audit entries are kept when nothing else is configured: five years. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 1825;

/** Every role an entry can name: a role the directory gains must be added here (the compiler says so). */
const AUDIT_ROLES = {
  vt_worker: 'vt_worker',
  school_contact: 'school_contact',
  leerplicht: 'leerplicht',
  coordinator: 'coordinator',
  manager: 'manager',
  admin: 'admin',
  system: 'system',
} as const satisfies { [R in AuditRole]: R };

const auditEntrySchema = z.strictObject({
  at: instantSchema,
  actorId: z.string().min(1),
  role: z.enum(AUDIT_ROLES).optional(),
  action: z.string().min(1),
  objectId: z.string().min(1).optional(),
  result: z.enum(['ok', 'refused', 'failed']),
  origin: z.string().optional(),
  correlationId: z.string().min(1).optional(),
  change: z
    .strictObject({ before: z.record(z.string(), z.unknown()).optional(), after: z.record(z.string(), z.unknown()).optional() })
    .optional(),
}) satisfies z.ZodType<AuditEntry>;

/** Checked on append as well as on read, so an entry that cannot be listed is never kept. */
export function parseAuditEntry(raw: unknown): AuditEntry {
  return parseDocument(auditEntrySchema, 'audit entry', raw, 'objectId');
}
