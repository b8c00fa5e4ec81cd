import { SpanStatusCode, type Span } from '@opentelemetry/api';
import { DomainError } from '../../src/domain/errors';
import { MessengerError } from '../../src/ports';

/**
 * Marks a span failed with the error's code or class name only. Never `recordException`: it keeps
 * the message and stack, and library messages may quote request data.
 */
export function markFailed(span: Span, error: unknown): void {
  const type = error instanceof DomainError || error instanceof MessengerError ? error.code : error instanceof Error ? error.name : 'unknown';
  span.setAttribute('error.type', type);
  span.setStatus({ code: SpanStatusCode.ERROR });
}
