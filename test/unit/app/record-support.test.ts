import { ErrorCodes } from '../../../src/domain/errors';
import type { Signal } from '../../../src/domain/signal';
import {
  BACKUP_CONTACT_ID,
  OTHER_SCHOOL_CONTACT_ID,
  PRIMARY_CONTACT_ID,
  VT_WORKER_ID,
  aSignalForm,
} from '../../fixtures/school-directory';
import { createCore, fakeCard, type Core } from '../../support/core-harness';
import { expectDomainError } from '../../store/expect-domain-error';

/** Issued Monday 2 March 2026, 20:30 in Amsterdam (the fixture clock), and delivered. */
async function deliveredSignal(core: Core): Promise<Signal> {
  const result = await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm()]);
  if (!result.ok) throw new Error('could not issue');
  await core.dispatcher.idle();
  return core.stored(result.issued[0]!.signal.id);
}

describe('RecordSupport', () => {
  let core: Core;
  let signal: Signal;
  beforeEach(async () => {
    core = await createCore();
    signal = await deliveredSignal(core);
    core.clock.set('2026-03-03T07:05:00.000Z');
    await core.acknowledgeSignal.execute(PRIMARY_CONTACT_ID, signal.id, await onTheCard());
    await core.dispatcher.idle();
    core.clock.set('2026-03-03T07:20:00.000Z');
  });
  /** A press on the primary contact's own card, which Gezien turned into the support form. */
  const onTheCard = () => core.pressOnCard(signal.id, PRIMARY_CONTACT_ID);

  it('stores the chosen categories and the prior-concern answer, and moves the signal to supported', async () => {
    const result = await core.recordSupport.execute(PRIMARY_CONTACT_ID, {
      signalId: signal.id,
      categories: 'no_penalty,listening_ear',
      priorConcern: 'no',
    });
    expect(result.ok).toBe(true);
    const stored = await core.stored(signal.id);
    expect(stored.state).toBe('supported');
    expect(stored.support).toMatchObject({
      categories: ['no_penalty', 'listening_ear'],
      priorConcern: 'no',
      by: PRIMARY_CONTACT_ID,
      recordedAt: '2026-03-03T07:20:00.000Z',
    });
  });

  it('saved on the support reminder, redraws the contact’s own card in place: it showed the support form with the child', async () => {
    const card = await onTheCard();
    await core.recordSupport.execute(PRIMARY_CONTACT_ID, { signalId: signal.id, categories: 'quiet_place', priorConcern: 'no' }, { messageId: 'activity-of-the-reminder' });
    await core.dispatcher.idle();
    const last = core.messenger.attemptsTo(PRIMARY_CONTACT_ID).at(-1)!;
    expect(last).toMatchObject({ kind: 'update', ok: true, activityId: card.messageId });
    expect(fakeCard(last).view).toBe('supported');
    expect((await core.stored(signal.id)).deliveries.find((d) => d.recipientId === PRIMARY_CONTACT_ID)).toMatchObject({ view: 'supported', shownView: 'supported' });
  });

  it('keeps only known categories: whatever else a payload carries is not stored', async () => {
    await core.recordSupport.execute(PRIMARY_CONTACT_ID, {
      signalId: signal.id,
      categories: 'quiet_place, Noor was upset,other',
      priorConcern: 'unknown',
    });
    expect((await core.stored(signal.id)).support?.categories).toEqual(['quiet_place', 'other']);
  });

  it('returns the problems and stores nothing when no category or no answer is chosen; showing the form again is audited as a read', async () => {
    const before = await core.signals.get(signal.id);
    const auditBefore = core.audit.all.length;
    const result = await core.recordSupport.execute(PRIMARY_CONTACT_ID, { signalId: signal.id, categories: '', priorConcern: 'maybe' });
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { field: 'categories', problem: 'required' },
        { field: 'priorConcern', problem: 'required' },
      ],
    });
    expect(await core.signals.get(signal.id)).toEqual(before);
    expect(core.audit.all.slice(auditBefore)).toEqual([expect.objectContaining({ action: 'signal.view', result: 'ok', objectId: signal.reference })]);
  });

  it('may be changed until the end of that day in Amsterdam', async () => {
    await core.recordSupport.execute(PRIMARY_CONTACT_ID, { signalId: signal.id, categories: 'no_penalty', priorConcern: 'no' });
    core.clock.set('2026-03-03T22:59:00.000Z'); // 23:59 in Amsterdam
    const result = await core.recordSupport.execute(PRIMARY_CONTACT_ID, { signalId: signal.id, categories: 'test_postponed', priorConcern: 'yes' });
    expect(result.ok).toBe(true);
    expect((await core.stored(signal.id)).support).toMatchObject({
      categories: ['test_postponed'],
      priorConcern: 'yes',
      firstRecordedAt: '2026-03-03T07:20:00.000Z',
      recordedAt: '2026-03-03T22:59:00.000Z',
    });
  });

  it('is locked from the next Amsterdam day on, and the record stays as it was', async () => {
    await core.recordSupport.execute(PRIMARY_CONTACT_ID, { signalId: signal.id, categories: 'no_penalty', priorConcern: 'no' }, await onTheCard());
    const before = await core.signals.get(signal.id);
    core.clock.set('2026-03-03T23:01:00.000Z'); // 00:01 on 4 March in Amsterdam
    await expectDomainError(
      core.recordSupport.execute(PRIMARY_CONTACT_ID, { signalId: signal.id, categories: 'other', priorConcern: 'yes' }, await onTheCard()),
      ErrorCodes.supportLocked,
    );
    expect(await core.signals.get(signal.id)).toEqual(before);
    expect(core.audit.all.at(-1)).toMatchObject({ action: 'signal.support', result: 'refused' });
  });

  it('is refused before the signal is picked up', async () => {
    core = await createCore();
    const fresh = await deliveredSignal(core);
    await expectDomainError(
      core.recordSupport.execute(PRIMARY_CONTACT_ID, { signalId: fresh.id, categories: 'no_penalty', priorConcern: 'no' }),
      ErrorCodes.notAcknowledged,
    );
    expect((await core.stored(fresh.id)).support).toBeUndefined();
  });

  it('refuses the backup contact of the same school, who did not pick it up: recording, changing and showing the form', async () => {
    const refusedColleague = async (act: Promise<unknown>) => {
      try {
        await act;
      } catch (error) {
        expect(error).toMatchObject({ code: ErrorCodes.notYourSignal, context: { reason: 'picked_up_by_colleague' } });
        return;
      }
      throw new Error('the colleague was not refused');
    };
    const before = await core.signals.get(signal.id);
    await refusedColleague(core.recordSupport.execute(BACKUP_CONTACT_ID, { signalId: signal.id, categories: 'teacher_informed', priorConcern: 'unknown' }));
    await refusedColleague(core.recordSupport.execute(BACKUP_CONTACT_ID, { signalId: signal.id }));
    await refusedColleague(core.recordSupport.viewAsSupporter(BACKUP_CONTACT_ID, signal.id));
    expect(await core.signals.get(signal.id)).toEqual(before);

    await core.recordSupport.execute(PRIMARY_CONTACT_ID, { signalId: signal.id, categories: 'no_penalty', priorConcern: 'no' }, await onTheCard());
    const recorded = await core.signals.get(signal.id);
    await refusedColleague(core.recordSupport.execute(BACKUP_CONTACT_ID, { signalId: signal.id, categories: 'other', priorConcern: 'yes' }));
    expect(await core.signals.get(signal.id)).toEqual(recorded);
    expect(core.audit.all.filter((e) => e.actorId === BACKUP_CONTACT_ID && e.action !== 'card.shown').map((e) => e.result)).toEqual([
      'refused',
      'refused',
      'refused',
      'refused',
    ]);
  });

  it('still lets any contact of the school see who picked it up', async () => {
    expect((await core.recordSupport.viewAsContact(BACKUP_CONTACT_ID, signal.id)).acknowledgement?.by).toBe(PRIMARY_CONTACT_ID);
  });

  it('refuses a contact of another school with ACCESS.NOT_YOUR_SIGNAL, even with invalid input', async () => {
    const before = await core.signals.get(signal.id);
    await expectDomainError(
      core.recordSupport.execute(OTHER_SCHOOL_CONTACT_ID, { signalId: signal.id, categories: 'no_penalty', priorConcern: 'no' }),
      ErrorCodes.notYourSignal,
    );
    await expectDomainError(core.recordSupport.execute(OTHER_SCHOOL_CONTACT_ID, { signalId: signal.id }), ErrorCodes.notYourSignal);
    expect(await core.signals.get(signal.id)).toEqual(before);
  });

  it('answers SIGNAL.NOT_FOUND for an unknown signal', async () => {
    await expectDomainError(
      core.recordSupport.execute(PRIMARY_CONTACT_ID, { signalId: 'no-such-signal', categories: 'no_penalty', priorConcern: 'no' }),
      ErrorCodes.signalNotFound,
    );
  });
});
