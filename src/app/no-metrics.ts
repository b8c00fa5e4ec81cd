import type { Metrics } from '../ports';

/** Metrics that go nowhere: the default where nothing is measured (telemetry off, unit tests). */
export const noMetrics: Metrics = {
  signalIssued: () => undefined,
  identityForgotten: () => undefined,
  digestRunStarted: () => undefined,
  digestOutcome: () => undefined,
};
