import type { Signal } from '../domain/signal';

/**
 * How late a child was forgotten: from the planned moment (`redactAt` of the version written
 * over) to `now`. Undefined when this write did not forget the child, or nothing was planned.
 */
export function forgettingLagMs(before: Signal, after: Signal, now: Date): number | undefined {
  if (before.redactedAt || !after.redactedAt || !before.redactAt) return undefined;
  return Math.max(0, now.getTime() - Date.parse(before.redactAt));
}
