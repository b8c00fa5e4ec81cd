import type { z } from 'zod';

/**
 * A stored document that does not match its schema: written by newer code, edited by hand, or a
 * schema that drifted from the domain type. Carries the document's id and the failing paths and
 * issue codes only, never the values: a value may be a child's name.
 */
export class InvalidDocumentError extends Error {
  constructor(
    readonly kind: string,
    readonly documentId: string | undefined,
    readonly issues: readonly string[],
  ) {
    super(`Stored ${kind} ${documentId ?? '(no id)'} does not match its schema: ${issues.join('; ')}`);
    this.name = 'InvalidDocumentError';
  }
}

/** Parses a stored document with `schema`, failing with an InvalidDocumentError that holds no values. */
export function parseDocument<S extends z.ZodType>(schema: S, kind: string, raw: unknown, idKey = 'id'): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`);
  throw new InvalidDocumentError(kind, idOf(raw, idKey), issues);
}

function idOf(raw: unknown, idKey: string): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const id = (raw as Record<string, unknown>)[idKey];
  return typeof id === 'string' ? id : undefined;
}

/** A stored document that cannot be read as what it should be: not JSON, or not its schema. */
export function isUnreadable(error: unknown): error is Error {
  return error instanceof InvalidDocumentError || error instanceof SyntaxError;
}
