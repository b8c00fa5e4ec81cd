import { DomainError, ErrorCodes, isDomainError } from '../domain/errors';
import type { Signal } from '../domain/signal';
import type { SignalStore, Stored } from '../ports';

const MAX_ATTEMPTS = 8;

/**
 * Read, change, write with optimistic concurrency: on a conflict the change is applied again to
 * the newer version, so two writers never overwrite each other. `change` sees the version it will
 * write over (rights are checked there, against that version); returning the signal unchanged
 * writes nothing.
 */
export async function mutateSignal(
  store: SignalStore,
  signalId: string,
  change: (signal: Signal) => Signal | Promise<Signal>,
): Promise<{ before: Signal; after: Stored<Signal> }> {
  for (let attempt = 1; ; attempt++) {
    const current = await store.get(signalId);
    if (!current) throw new DomainError(ErrorCodes.signalNotFound, { signalId });
    const next = await change(current.value);
    if (next === current.value) return { before: current.value, after: current };
    try {
      return { before: current.value, after: await store.replace(next, current.etag) };
    } catch (error) {
      if (!isDomainError(error, ErrorCodes.storeConflict) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
