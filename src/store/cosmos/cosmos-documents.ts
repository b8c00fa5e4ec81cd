import { ErrorResponse } from '@azure/cosmos';

/** The HTTP status of a failed Cosmos DB call, or undefined when it was not a Cosmos answer. */
export function cosmosStatus(error: unknown): number | undefined {
  return error instanceof ErrorResponse && typeof error.code === 'number' ? error.code : undefined;
}

/**
 * A stored document without the fields Cosmos DB adds (`_rid`, `_self`, `_etag`, `_attachments`,
 * `_ts`, ...; none of ours starts with an underscore) and without `storageOnly` fields that exist
 * for partitioning or querying, so the schemas see exactly the domain's fields.
 */
export function domainFields(resource: object, ...storageOnly: string[]): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(resource).filter(([key]) => !key.startsWith('_') && !storageOnly.includes(key)),
  );
}

/** The `_etag` Cosmos DB puts on every stored document. */
export function etagOf(resource: object): string {
  const etag: unknown = (resource as { _etag?: unknown })._etag;
  if (typeof etag !== 'string') throw new Error('Cosmos DB returned a document without an _etag');
  return etag;
}
