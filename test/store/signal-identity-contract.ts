import { forgetChild, identityExpiresAt } from '../../src/domain/forget-child';
import type { Stores } from '../../src/store/stores';
import { ISSUED_AT, aSignal, aSignalViaLeerplicht, deliveredToAll } from '../fixtures/signals';
import { ErrorCodes } from '../../src/domain/errors';
import { expectDomainError } from './expect-domain-error';

const at = (iso: string) => new Date(iso);
const FORGOTTEN_AT = at('2026-03-03T16:00:00.000Z');
const FAR_FUTURE = at('2099-01-01T00:00:00.000Z');

/** The child's identity is kept apart from the signal, and forgetting it deletes it. */
export function signalIdentityContract(stores: () => Stores): void {
  const signals = () => stores().signals;

  describe("SignalStore: the child's identity", () => {
    it('gives the child back with the signal on every read, while it is not forgotten', async () => {
      const signal = aSignalViaLeerplicht({ forget: { atTheLatest: at('2026-03-05T16:00:00.000Z'), supportClosesAt: at('2026-03-09T16:00:00.000Z') } });
      await signals().create(signal);

      expect((await signals().get(signal.id))?.value.child).toEqual(signal.child);
      expect((await signals().getByReference(signal.reference))?.value.child).toEqual(signal.child);
      expect((await signals().listIssuedBy(signal.issuedBy, ISSUED_AT))[0]?.child).toEqual(signal.child);
      expect((await signals().listAwaitingRouting([signal.municipalityId]))[0]?.child).toEqual(signal.child);
      expect((await signals().listDispatchDue(FAR_FUTURE, 10))[0]?.value.child).toEqual(signal.child);
      expect((await signals().listDeadlinesDue(FAR_FUTURE, 10))[0]?.value.child).toEqual(signal.child);
    });

    it('forgets the child with the write that says so: no read returns it again, and nothing is left to expire', async () => {
      const created = await signals().create(aSignal());
      const forgotten = forgetChild(created.value, FORGOTTEN_AT);

      const written = await signals().replace(forgotten, created.etag);

      expect(written.value.child).toBeUndefined();
      expect(written.value.redactedAt).toBe(FORGOTTEN_AT.toISOString());
      expect((await signals().get(forgotten.id))?.value).toStrictEqual(forgotten);
      expect((await signals().getByReference(forgotten.reference))?.value.child).toBeUndefined();
      expect(await signals().purgeExpiredIdentities(FAR_FUTURE, 10)).toBe(0);
    });

    it('keeps the child when the forgetting write loses a race: the version that won still needs it', async () => {
      const created = await signals().create(aSignal());
      const winner = await signals().replace(deliveredToAll(created.value, ISSUED_AT), created.etag);

      await expectDomainError(signals().replace(forgetChild(created.value, FORGOTTEN_AT), created.etag), ErrorCodes.storeConflict);

      expect((await signals().get(created.value.id))?.value).toStrictEqual(winner.value);
      expect(winner.value.child).toBeDefined();
    });

    it('never brings a forgotten child back on a later write', async () => {
      const created = await signals().create(aSignal());
      const forgotten = await signals().replace(forgetChild(created.value, FORGOTTEN_AT), created.etag);

      await signals().replace(deliveredToAll(forgotten.value, FORGOTTEN_AT), forgotten.etag);

      expect((await signals().get(created.value.id))?.value.child).toBeUndefined();
    });

    it('deletes identities whose backstop expiry passed, and only those, keeping the anonymous record', async () => {
      const soon = aSignal({ forget: { atTheLatest: at('2026-03-04T16:00:00.000Z'), supportClosesAt: at('2026-03-06T16:00:00.000Z') } });
      const later = aSignal({ forget: { atTheLatest: at('2026-03-06T16:00:00.000Z'), supportClosesAt: at('2026-03-10T16:00:00.000Z') } });
      await signals().create(soon);
      await signals().create(later);
      const expiry = identityExpiresAt(soon);

      expect(await signals().purgeExpiredIdentities(new Date(expiry.getTime() - 1), 10)).toBe(0);
      expect(await signals().purgeExpiredIdentities(expiry, 10)).toBe(1);

      const kept = await signals().get(soon.id);
      expect(kept?.value.child).toBeUndefined();
      expect(kept?.value.reference).toBe(soon.reference);
      expect((await signals().get(later.id))?.value.child).toEqual(later.child);
    });

    it('deletes records issued before the retention cutoff, oldest first and at most `limit`, with their identities', async () => {
      const old = [1, 2, 3].map((day) => aSignal({ now: at(`2024-03-0${day}T10:00:00.000Z`) }));
      const recent = aSignal({ now: at('2026-03-02T10:00:00.000Z') });
      for (const s of [...old, recent]) await signals().create(s);
      const cutoff = at('2025-01-01T00:00:00.000Z');

      expect(await signals().purgeIssuedBefore(cutoff, 2)).toBe(2);
      expect(await signals().get(old[0]!.id)).toBeUndefined();
      expect(await signals().get(old[1]!.id)).toBeUndefined();
      expect(await signals().get(old[2]!.id)).toBeDefined();

      expect(await signals().purgeIssuedBefore(cutoff, 10)).toBe(1);
      expect(await signals().getByReference(old[2]!.reference)).toBeUndefined();
      expect((await signals().get(recent.id))?.value.child).toEqual(recent.child);
      expect(await signals().purgeExpiredIdentities(FAR_FUTURE, 10)).toBe(1);
    });

    it('frees a purged record\'s reference code, so a new signal may be given it', async () => {
      const old = aSignal({ now: at('2024-03-01T10:00:00.000Z') });
      await signals().create(old);
      expect(await signals().purgeIssuedBefore(at('2025-01-01T00:00:00.000Z'), 10)).toBe(1);

      const next = aSignal({ reference: old.reference, now: at('2026-03-02T10:00:00.000Z') });
      await signals().create(next);

      expect((await signals().getByReference(old.reference))?.value.id).toBe(next.id);
    });
  });
}
