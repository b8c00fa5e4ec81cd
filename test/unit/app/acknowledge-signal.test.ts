import { ErrorCodes } from '../../../src/domain/errors';
import type { Signal } from '../../../src/domain/signal';
import { aChild } from '../../fixtures/signals';
import {
  BACKUP_CONTACT_ID,
  OTHER_SCHOOL_CONTACT_ID,
  PRIMARY_CONTACT_ID,
  VT_WORKER_ID,
  aSignalForm,
} from '../../fixtures/school-directory';
import { createCore, fakeCard, type Core } from '../../support/core-harness';
import { MINUTE } from '../../support/fixed-clock';
import { expectDomainError } from '../../store/expect-domain-error';

/** A signal issued by the fixture worker and delivered to both contacts. */
async function deliveredSignal(core: Core): Promise<Signal> {
  const result = await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm()]);
  if (!result.ok) throw new Error(`could not issue: ${JSON.stringify(result.errors)}`);
  await core.dispatcher.idle();
  return core.stored(result.issued[0]!.signal.id);
}

describe('AcknowledgeSignal', () => {
  let core: Core;
  let signal: Signal;
  beforeEach(async () => {
    core = await createCore();
    signal = await deliveredSignal(core);
    core.clock.advance(11 * 60 * MINUTE);
  });

  it('records the acknowledgement of a contact of the school', async () => {
    const after = await core.acknowledgeSignal.execute(PRIMARY_CONTACT_ID, signal.id, { origin: 'msteams:a:primary' });
    expect(after.state).toBe('acknowledged');
    expect(after.acknowledgement).toEqual({ by: PRIMARY_CONTACT_ID, byName: 'Anouk de Wit', at: core.clock.now().toISOString() });
    expect((await core.stored(signal.id)).acknowledgement).toEqual(after.acknowledgement);
  });

  it("updates the other contact's card in place: an update of the same message, not a new send", async () => {
    await core.acknowledgeSignal.execute(PRIMARY_CONTACT_ID, signal.id);
    await core.dispatcher.idle();
    const [sent, updated, ...more] = core.messenger.attemptsTo(BACKUP_CONTACT_ID);
    expect(more).toEqual([]);
    expect(sent).toMatchObject({ kind: 'send', ok: true });
    expect(updated).toMatchObject({ kind: 'update', ok: true, activityId: sent!.activityId, conversationId: sent!.conversationId });
    expect(fakeCard(updated!).view).toBe('taken');
    const backup = (await core.stored(signal.id)).deliveries.find((d) => d.recipientId === BACKUP_CONTACT_ID);
    expect(backup).toMatchObject({ view: 'taken', shownView: 'taken', activityId: sent!.activityId });
  });

  it("does not send the acknowledging contact anything: the button's answer already shows the support form", async () => {
    await core.acknowledgeSignal.execute(PRIMARY_CONTACT_ID, signal.id, await core.pressOnCard(signal.id, PRIMARY_CONTACT_ID));
    await core.dispatcher.idle();
    expect(core.messenger.attemptsTo(PRIMARY_CONTACT_ID).map((c) => c.kind)).toEqual(['send']);
  });

  it('updates the acknowledging contact’s card in place when Teams did not say which message was pressed', async () => {
    await core.acknowledgeSignal.execute(PRIMARY_CONTACT_ID, signal.id);
    await core.dispatcher.idle();
    const [sent, updated, ...more] = core.messenger.attemptsTo(PRIMARY_CONTACT_ID);
    expect(more).toEqual([]);
    expect(updated).toMatchObject({ kind: 'update', ok: true, activityId: sent!.activityId });
    expect(fakeCard(updated!).view).toBe('support_form');
  });

  it('changes nothing when the same contact presses again, and answers with the same signal', async () => {
    const first = await core.acknowledgeSignal.execute(PRIMARY_CONTACT_ID, signal.id, await core.pressOnCard(signal.id, PRIMARY_CONTACT_ID));
    await core.dispatcher.idle();
    const before = await core.signals.get(signal.id);
    core.clock.advance(MINUTE);
    const again = await core.acknowledgeSignal.execute(PRIMARY_CONTACT_ID, signal.id);
    await core.dispatcher.idle();
    expect(again).toEqual(before!.value);
    expect(again.acknowledgement).toEqual(first.acknowledgement);
    expect(await core.signals.get(signal.id)).toEqual(before);
    expect(core.messenger.calls).toHaveLength(3);
  });

  it('refuses another contact once picked up with SIGNAL.ALREADY_ACKNOWLEDGED, keeping the first', async () => {
    await core.acknowledgeSignal.execute(PRIMARY_CONTACT_ID, signal.id);
    await expectDomainError(core.acknowledgeSignal.execute(BACKUP_CONTACT_ID, signal.id), ErrorCodes.alreadyAcknowledged);
    expect((await core.stored(signal.id)).acknowledgement?.by).toBe(PRIMARY_CONTACT_ID);
  });

  it('refuses a contact of another school with ACCESS.NOT_YOUR_SIGNAL and leaves the signal unchanged', async () => {
    const before = await core.signals.get(signal.id);
    await expectDomainError(core.acknowledgeSignal.execute(OTHER_SCHOOL_CONTACT_ID, signal.id), ErrorCodes.notYourSignal);
    await core.dispatcher.idle();
    expect(await core.signals.get(signal.id)).toEqual(before);
    expect(core.messenger.calls).toHaveLength(2);
    expect(core.audit.all.at(-1)).toMatchObject({ actorId: OTHER_SCHOOL_CONTACT_ID, action: 'signal.acknowledge', result: 'refused' });
  });

  it('refuses the issuing worker, who is no contact of the school', async () => {
    await expectDomainError(core.acknowledgeSignal.execute(VT_WORKER_ID, signal.id), ErrorCodes.notYourSignal);
    expect((await core.stored(signal.id)).state).toBe('delivered');
  });

  it('answers SIGNAL.NOT_FOUND for a signal that does not exist', async () => {
    await expectDomainError(core.acknowledgeSignal.execute(PRIMARY_CONTACT_ID, 'no-such-signal'), ErrorCodes.signalNotFound);
  });

  it('lets exactly one of two contacts pressing at the same moment win, without losing an update', async () => {
    const results = await Promise.allSettled([
      core.acknowledgeSignal.execute(PRIMARY_CONTACT_ID, signal.id),
      core.acknowledgeSignal.execute(BACKUP_CONTACT_ID, signal.id),
    ]);
    await core.dispatcher.idle();
    const won = results.filter((r): r is PromiseFulfilledResult<Signal> => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: ErrorCodes.alreadyAcknowledged });

    const winner = won[0]!.value.acknowledgement!.by;
    const loser = winner === PRIMARY_CONTACT_ID ? BACKUP_CONTACT_ID : PRIMARY_CONTACT_ID;
    const stored = await core.stored(signal.id);
    expect(stored.acknowledgement?.by).toBe(winner);
    expect(stored.timeline.filter((e) => e.type === 'acknowledged')).toHaveLength(1);
    expect(stored.deliveries.find((d) => d.recipientId === winner)).toMatchObject({ view: 'support_form', shownView: 'support_form' });
    expect(stored.deliveries.find((d) => d.recipientId === loser)).toMatchObject({ view: 'taken', shownView: 'taken', status: 'sent' });
    expect(stored.dispatchDueAt).toBeUndefined();
    expect(core.messenger.attemptsTo(loser).map((c) => c.kind)).toEqual(['send', 'update']);
  });

  it("updates a colleague's card in place even when it was still on its way at the acknowledgement", async () => {
    core = await createCore();
    const gate = core.messenger.holdNextCallTo(BACKUP_CONTACT_ID);
    const result = await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm()]);
    if (!result.ok) throw new Error('could not issue');
    await gate.reached;
    core.clock.advance(5_000);
    await core.acknowledgeSignal.execute(PRIMARY_CONTACT_ID, result.issued[0]!.signal.id);
    gate.release();
    await core.dispatcher.idle();

    const [sent, ...rest] = core.messenger.attemptsTo(BACKUP_CONTACT_ID);
    expect(sent).toMatchObject({ kind: 'send', ok: true });
    expect(fakeCard(sent!).view).toBe('signal');
    // One message in the backup's chat, changed in place: no second card, no card left showing the child.
    expect(rest.map((c) => [c.kind, c.activityId, fakeCard(c).view])).toEqual([['update', sent!.activityId, 'taken']]);
    const stored = await core.stored(result.issued[0]!.signal.id);
    expect(stored.deliveries.find((d) => d.recipientId === BACKUP_CONTACT_ID)).toMatchObject({ shownView: 'taken', activityId: sent!.activityId });
    expect(stored.dispatchDueAt).toBeUndefined();
  });

  it('writes audit entries that never hold the child’s name or birth date', async () => {
    const onCard = await core.pressOnCard(signal.id, PRIMARY_CONTACT_ID);
    await core.acknowledgeSignal.execute(PRIMARY_CONTACT_ID, signal.id, { origin: 'msteams:a:primary', ...onCard });
    await expectDomainError(core.acknowledgeSignal.execute(BACKUP_CONTACT_ID, signal.id), ErrorCodes.alreadyAcknowledged);
    await core.recordSupport.execute(PRIMARY_CONTACT_ID, { signalId: signal.id, categories: 'no_penalty', priorConcern: 'no' }, onCard);
    await core.listMySignals.execute(VT_WORKER_ID);
    await core.dispatcher.idle();

    // Both contacts' signal cards, once delivered, are reads of the child's identity.
    expect(core.audit.all.filter((e) => e.action === 'card.shown').map((e) => e.actorId).sort()).toEqual([PRIMARY_CONTACT_ID, BACKUP_CONTACT_ID].sort());
    expect(core.audit.all.filter((e) => e.action !== 'card.shown').map((e) => [e.action, e.actorId, e.result])).toEqual([
      ['signal.issue', VT_WORKER_ID, 'ok'],
      ['signal.acknowledge', PRIMARY_CONTACT_ID, 'ok'],
      ['signal.acknowledge', BACKUP_CONTACT_ID, 'refused'],
      ['signal.support', PRIMARY_CONTACT_ID, 'ok'],
      ['signal.list', VT_WORKER_ID, 'ok'],
    ]);
    const child = aChild();
    for (const secret of [child.firstName, child.lastName, child.birthDate, '14-05-2016']) {
      expect(core.audit.json).not.toContain(secret);
      expect(core.logger.json).not.toContain(secret);
    }
  });
});
