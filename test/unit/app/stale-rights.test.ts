/**
 * Rights are decided on the version of the signal a write replaces, not on an earlier read: a
 * contact whose school sent the signal back, pressing a button at the very moment it moves on,
 * changes nothing at the new school.
 */
import { ErrorCodes } from '../../../src/domain/errors';
import { bounce, forwardToSchool, type Signal } from '../../../src/domain/signal';
import type { FactsScope, WeekBounds } from '../../../src/domain/digest/weekly-counts';
import type { AuditEntry, SignalStore, Stored } from '../../../src/ports';
import {
  LEERPLICHT_OFFICER_ID,
  MUNICIPALITY_ID,
  PALET_CONTACT_ID,
  PALET_SCHOOL_ID,
  PRIMARY_CONTACT_ID,
  SCHOOL_ID,
  VT_WORKER_ID,
  aRoutingDirectory,
  aSignalForm,
} from '../../fixtures/school-directory';
import { createCore, type Core } from '../../support/core-harness';
import { expectDomainError } from '../../store/expect-domain-error';

/** A signal store that lets another writer in just before the next write goes through. */
class InterleavingStore implements SignalStore {
  private pending: (() => Promise<void>) | undefined;
  constructor(private readonly inner: SignalStore) {}

  beforeNextWrite(other: () => Promise<void>): void {
    this.pending = other;
  }

  create(signal: Signal, issued?: AuditEntry) { return this.inner.create(signal, issued); }
  get(id: string) { return this.inner.get(id); }
  getByReference(reference: string) { return this.inner.getByReference(reference); }
  listIssuedBy(memberId: string, since: Date) { return this.inner.listIssuedBy(memberId, since); }
  listAwaitingRouting(ids: string[]) { return this.inner.listAwaitingRouting(ids); }
  listFactsIssuedBetween(scope: FactsScope, from: Date, to: Date) { return this.inner.listFactsIssuedBetween(scope, from, to); }
  countWeeklyHeadlines(scope: FactsScope, weeks: WeekBounds[]) { return this.inner.countWeeklyHeadlines(scope, weeks); }
  listDispatchDue(now: Date, limit: number) { return this.inner.listDispatchDue(now, limit); }
  listDeadlinesDue(now: Date, limit: number) { return this.inner.listDeadlinesDue(now, limit); }
  purgeIssuedBefore(cutoff: Date, limit: number) { return this.inner.purgeIssuedBefore(cutoff, limit); }
  purgeExpiredIdentities(now: Date, limit: number) { return this.inner.purgeExpiredIdentities(now, limit); }
  async replace(signal: Signal, etag: string): Promise<Stored<Signal>> {
    const other = this.pending;
    this.pending = undefined;
    if (other) await other();
    return this.inner.replace(signal, etag);
  }
}

describe('rights are checked on the version being written over', () => {
  let core: Core;
  let store: InterleavingStore;

  beforeEach(async () => {
    core = await createCore({
      directory: aRoutingDirectory(),
      knownChats: [PRIMARY_CONTACT_ID, PALET_CONTACT_ID, LEERPLICHT_OFFICER_ID],
      wrapSignals: (inner) => (store = new InterleavingStore(inner)),
    });
  });

  it('refuses a Gezien from a school that sent the signal back while it moved on to another school', async () => {
    const issued = await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm({ schoolId: `leerplicht:${MUNICIPALITY_ID}` })]);
    if (!issued.ok) throw new Error('could not issue');
    const id = issued.issued[0]!.signal.id;
    const forwarded = await core.routeSignal.forward(LEERPLICHT_OFFICER_ID, id, SCHOOL_ID);
    expect(forwarded.ok).toBe(true);
    await core.idle();

    // Just as the contact of the first school presses Gezien, the school's colleague sends it back
    // and leerplicht forwards it to another school.
    store.beforeNextWrite(async () => {
      const current = (await core.signals.get(id))!;
      const moved = forwardToSchool(
        bounce(current.value, { id: 'someone-at-the-first-school', name: 'Collega' }, { id: VT_WORKER_ID, name: 'Wendy' }, core.clock.now()),
        { id: LEERPLICHT_OFFICER_ID, name: 'Lotte' },
        PALET_SCHOOL_ID,
        [{ id: PALET_CONTACT_ID, name: 'Pim Palet', rank: 'primary' }],
        core.clock.now(),
      );
      await core.signals.replace(moved, current.etag);
    });

    await expectDomainError(core.acknowledgeSignal.execute(PRIMARY_CONTACT_ID, id), ErrorCodes.notAtSchool);
    const after = await core.stored(id);
    expect(after.schoolId).toBe(PALET_SCHOOL_ID);
    expect(after.acknowledgement).toBeUndefined();
    expect(core.audit.all.at(-1)).toMatchObject({ actorId: PRIMARY_CONTACT_ID, action: 'signal.acknowledge', result: 'refused' });
  });
});
