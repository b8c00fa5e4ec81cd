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

/**
 * Checks one record's facts. A digest reads tens of thousands at once, so the common case — facts
 * that are right — is checked by hand, field by field, against the same rules as the schema; only
 * facts that fail go through zod, for the detailed error. Both must agree: the store contract's
 * tests feed them the same records.
 */
export function parseSignalFacts(raw: unknown): SignalFacts {
  if (looksRight(raw)) return raw;
  return parseDocument(signalFactsSchema, 'signal facts', raw);
}

const FIELDS = new Set(Object.keys(signalFactsSchema.shape));
const STATES = new Set<unknown>(signalFactsSchema.shape.state.options);
const CATEGORIES = new Set<unknown>(SUPPORT_CATEGORIES);
const ANSWERS = new Set<unknown>(PRIOR_CONCERN_ANSWERS);
/** `Date.prototype.toISOString`'s form; whether the date is real is left to the writer, which made it with a Date. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function looksRight(raw: unknown): raw is SignalFacts {
  if (typeof raw !== 'object' || raw === null) return false;
  const f = raw as Record<string, unknown>;
  const text = (v: unknown) => typeof v === 'string' && v.length > 0;
  const instant = (v: unknown) => typeof v === 'string' && INSTANT.test(v);
  const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
  const flag = (v: unknown) => typeof v === 'boolean';
  return (
    Object.keys(f).every((key) => FIELDS.has(key)) &&
    text(f.id) &&
    text(f.municipalityId) &&
    optional(f.schoolId, text) &&
    instant(f.issuedAt) &&
    flag(f.viaLeerplicht) &&
    STATES.has(f.state) &&
    flag(f.delivered) &&
    optional(f.dueAt, instant) &&
    optional(f.acknowledgedAt, instant) &&
    optional(f.supportRecordedAt, instant) &&
    Array.isArray(f.supportCategories) &&
    f.supportCategories.every((c) => CATEGORIES.has(c)) &&
    optional(f.priorConcern, (v) => ANSWERS.has(v)) &&
    flag(f.bounced) &&
    flag(f.noSchool) &&
    flag(f.escalated) &&
    Number.isInteger(f.failedDeliveries) &&
    (f.failedDeliveries as number) >= 0
  );
}
