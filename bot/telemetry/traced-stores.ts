import { SpanKind, trace, type Attributes, type Tracer } from '@opentelemetry/api';
import { isSignalIdShaped } from '../../src/app/audit-trail';
import type { Signal } from '../../src/domain/signal';
import type { Stores } from '../../src/store/stores';
import { markFailed } from './span-errors';

/**
 * The stores with a span around every call of their ports, named by port and method
 * (`SignalStore.replace`). No argument becomes an attribute except a signal's id: a call's
 * arguments hold names, directory data and, for signals, the child.
 *
 * Only calls made inside another span (a turn, a Teams delivery) are traced: the scheduler asks
 * the store every few seconds whether work is due, and a trace per empty answer is noise that
 * costs money in Application Insights.
 */
export function traceStores(stores: Stores, tracer: Tracer): Stores {
  return {
    signals: traced(stores.signals, 'SignalStore', tracer, signalIdOf),
    directory: traced(stores.directory, 'DirectoryStore', tracer),
    audit: traced(stores.audit, 'AuditLog', tracer),
    digestRuns: traced(stores.digestRuns, 'DigestRunStore', tracer),
    ...(stores.rateBudget ? { rateBudget: traced(stores.rateBudget, 'RateBudget', tracer) } : {}),
    ping: () => stores.ping(),
    close: () => stores.close(),
  };
}

/**
 * The signal's id, where the call names one signal: `get(id)`, `create(signal)`, `replace(signal, etag)`.
 * An id to get comes from a card's data, which a member can type anything into: only one shaped
 * like an id the bot makes is an id, anything else stays out of telemetry.
 */
function signalIdOf(method: string, args: unknown[]): Attributes {
  const [first] = args;
  if (method === 'get' && typeof first === 'string') return isSignalIdShaped(first) ? { 'hwc.signal.id': first } : {};
  if ((method === 'create' || method === 'replace') && typeof first === 'object' && first !== null) return { 'hwc.signal.id': (first as Signal).id };
  return {};
}

function traced<T extends object>(port: T, portName: string, tracer: Tracer, attributesOf: (method: string, args: unknown[]) => Attributes = () => ({})): T {
  return new Proxy(port, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      return (...args: unknown[]) => {
        if (!trace.getActiveSpan()) return method.apply(target, args);
        return tracer.startActiveSpan(
          `${portName}.${property}`,
          { kind: SpanKind.CLIENT, attributes: { 'hwc.store.port': portName, 'hwc.store.method': property, ...attributesOf(property, args) } },
          async (span) => {
            try {
              return await method.apply(target, args);
            } catch (error) {
              markFailed(span, error);
              throw error;
            } finally {
              span.end();
            }
          },
        );
      };
    },
  });
}
