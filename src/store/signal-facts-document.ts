import { z } from 'zod';
import type { SignalFacts } from '../domain/digest/signal-facts';
import { PRIOR_CONCERN_ANSWERS, SUPPORT_CATEGORIES } from '../domain/support';
import { instantSchema } from './instant';
import { parseDocument } from './invalid-document-error';
import type { Assert, Same } from './schema-guard';

const id = z.string().min(1);

/**
 * The facts a store read for the digest, checked before they reach the figures: a store's query
 * that drifts from `factsOf` (a field renamed, a count that came back as text, a flag as 0/1)
 * fails loudly here instead of quietly skewing a week's numbers. Strict: an unknown field (the
 * child's, say) is refused too.
 */
export const signalFactsSchema = z.strictObject({
  id,
  municipalityId: id,
  schoolId: id.optional(),
  issuedAt: instantSchema,
  viaLeerplicht: z.boolean(),
  state: z.enum(['awaiting_routing', 'issued', 'delivered', 'acknowledged', 'supported', 'bounced', 'unroutable']),
  delivered: z.boolean(),
  dueAt: instantSchema.optional(),
  acknowledgedAt: instantSchema.optional(),
  supportRecordedAt: instantSchema.optional(),
  supportCategories: z.array(z.enum(SUPPORT_CATEGORIES)),
  priorConcern: z.enum(PRIOR_CONCERN_ANSWERS).optional(),
  bounced: z.boolean(),
  noSchool: z.boolean(),
  escalated: z.boolean(),
  failedDeliveries: z.number().int().min(0),
});

/** Compile-time guard: a field added to `SignalFacts` but not to the schema (or back) fails `tsc`. */
export type SignalFactsSchemaMatchesFacts = Assert<Same<z.output<typeof signalFactsSchema>, SignalFacts>>;

export function parseSignalFacts(raw: unknown): SignalFacts {
  return parseDocument(signalFactsSchema, 'signal facts', raw);
}
