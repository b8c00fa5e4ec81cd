import { trace } from '@opentelemetry/api';
import pino, { type DestinationStream } from 'pino';
import type { Logger } from '../src/ports';

/**
 * Structured logs. Callers log ids and reference codes only; the redact list is a second line
 * of defence should a child's identity ever reach a log call by mistake.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger & { child(bindings: Record<string, unknown>): Logger } {
  return pino(
    {
      level,
      base: undefined,
      mixin: traceIds,
      redact: {
        paths: ['child', '*.child', 'firstName', 'lastName', 'birthDate', '*.firstName', '*.lastName', '*.birthDate'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** The active span's trace and span id: a log line joins its trace in Application Insights. */
function traceIds(): Record<string, string> {
  const span = trace.getActiveSpan()?.spanContext();
  return span && trace.isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : {};
}

/** Names and codes of an error, never its message: library messages may quote request data. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { errorType: typeof error };
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  return {
    errorName: error.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { errorCode: code } : {}),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
    // Stack frames only: a message that runs over several lines puts its own lines in the stack too.
    frames: (error.stack ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.startsWith('at '))
      .slice(0, 5),
  };
}
