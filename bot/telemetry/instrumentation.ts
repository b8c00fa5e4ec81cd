import { noMetrics } from '../../src/app/no-metrics';
import type { Clock, Logger, Messenger, Metrics, SignalStore } from '../../src/ports';
import type { Stores } from '../../src/store/stores';
import { describeError } from '../logger';
import { botMetrics, observeDueDeliveries } from './bot-metrics';
import type { Telemetry } from './telemetry';
import { TracedMessenger } from './traced-messenger';
import { traceStores } from './traced-stores';
import { traceTurns, untracedTurn, type TraceTurn } from './turn-span';

/** What the composition root wraps and hands out; with telemetry off, everything as it was. */
export interface Instrumentation {
  stores(stores: Stores): Stores;
  messenger(messenger: Messenger): Messenger;
  metrics: Metrics;
  traceTurn: TraceTurn;
  /** Starts reporting the due deliveries (queue depth) from the plain store. */
  observeQueue(signals: SignalStore, clock: Clock, logger: Logger): void;
  shutdown(): Promise<void>;
}

export function instrumentation(telemetry: Telemetry | undefined): Instrumentation {
  if (!telemetry) {
    return { stores: (s) => s, messenger: (m) => m, metrics: noMetrics, traceTurn: untracedTurn, observeQueue: () => undefined, shutdown: async () => undefined };
  }
  const { tracer, meter } = telemetry;
  return {
    stores: (s) => traceStores(s, tracer),
    messenger: (m) => new TracedMessenger(m, tracer, meter),
    metrics: botMetrics(meter),
    traceTurn: traceTurns(tracer),
    observeQueue: (signals, clock, logger) => observeDueDeliveries(meter, signals, clock, (error) => logger.warn(describeError(error), 'queue depth not read')),
    shutdown: () => telemetry.shutdown(),
  };
}
