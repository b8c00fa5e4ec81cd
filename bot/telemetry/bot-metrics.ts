import type { Meter } from '@opentelemetry/api';
import type { Clock, Metrics, SignalStore } from '../../src/ports';

/** Due deliveries counted at most this far: the gauge reads pages of whole signals, so it stops there. */
export const QUEUE_DEPTH_CAP = 500;

/**
 * The core's Metrics port as OpenTelemetry instruments. Attributes are fixed words only (a route,
 * an outcome): never a school, municipality or person, whose small counts could point at a child.
 */
export function botMetrics(meter: Meter): Metrics {
  const issued = meter.createCounter('hwc.signals.issued', { description: 'Signals stored (repeated submissions not counted)' });
  const forgettingLag = meter.createHistogram('hwc.forgetting.lag', { description: "Time from a child's planned moment to forget to the moment it was forgotten", unit: 's' });
  const digestRuns = meter.createCounter('hwc.digest.runs', { description: 'Weekly digest runs started' });
  const digests = meter.createCounter('hwc.digest.deliveries', { description: 'Weekly digest tries per recipient, by outcome' });
  return {
    signalIssued: (route) => issued.add(1, { 'hwc.route': route }),
    identityForgotten: (lagMs) => forgettingLag.record(lagMs / 1000),
    digestRunStarted: () => digestRuns.add(1),
    digestOutcome: (kind) => digests.add(1, { 'hwc.outcome': kind }),
  };
}

/**
 * Queue depth: how many signals have delivery work due now, read from the store when metrics are
 * collected (every minute with Azure Monitor), counted up to QUEUE_DEPTH_CAP. Reads the plain
 * store: a collection is no store call worth a span.
 */
export function observeDueDeliveries(meter: Meter, signals: SignalStore, clock: Clock, onError: (error: unknown) => void): void {
  const gauge = meter.createObservableGauge('hwc.deliveries.due', {
    description: `Signals with card deliveries due now (counted up to ${QUEUE_DEPTH_CAP})`,
  });
  gauge.addCallback(async (result) => {
    try {
      result.observe((await signals.listDispatchDue(clock.now(), QUEUE_DEPTH_CAP)).length);
    } catch (error) {
      // No value this round beats a wrong one; the store's trouble shows in the readiness probe.
      onError(error);
    }
  });
}
