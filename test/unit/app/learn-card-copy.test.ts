/**
 * A copy of a card left by a send whose outcome was in doubt is learned from the first button
 * pressed on it, and drawn again with the card from then on.
 */
import type { Signal } from '../../../src/domain/signal';
import { PRIMARY_CONTACT_ID, VT_WORKER_ID, aSignalForm } from '../../fixtures/school-directory';
import { createCore, type Core } from '../../support/core-harness';

describe('learning a copy of a card', () => {
  let core: Core;
  let signal: Signal;

  beforeEach(async () => {
    core = await createCore();
    const result = await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm()]);
    if (!result.ok) throw new Error('could not issue');
    await core.idle();
    // As after a send given up on that Teams carried out anyway.
    const stored = await core.signals.get(result.issued[0]!.signal.id);
    signal = stored!.value;
    const doubted = { ...signal, deliveries: signal.deliveries.map((d) => (d.recipientId === PRIMARY_CONTACT_ID ? { ...d, inDoubtSends: 1 } : d)) };
    signal = (await core.signals.replace(doubted, stored!.etag)).value;
  });

  const cardOf = (s: Signal) => s.deliveries.find((d) => d.recipientId === PRIMARY_CONTACT_ID && d.view === 'signal')!;

  it('records the unknown message as a copy and redraws it beside the card', async () => {
    const sentBefore = core.messenger.calls.length;
    expect(await core.learnCardCopy.execute(PRIMARY_CONTACT_ID, signal.id, 'copy-activity')).toBe(true);
    await core.idle();

    const after = await core.stored(signal.id);
    expect(cardOf(after).copies).toEqual(['copy-activity']);
    const updates = core.messenger.calls.slice(sentBefore).filter((c) => c.kind === 'update');
    expect(updates.map((c) => c.activityId).sort()).toEqual([cardOf(after).activityId, 'copy-activity'].sort());
  });

  it('learns nothing from the card itself, from someone else, or twice', async () => {
    expect(await core.learnCardCopy.execute(PRIMARY_CONTACT_ID, signal.id, cardOf(signal).activityId!)).toBe(false);
    expect(await core.learnCardCopy.execute(VT_WORKER_ID, signal.id, 'copy-activity')).toBe(false);
    expect(await core.learnCardCopy.execute(PRIMARY_CONTACT_ID, signal.id, 'copy-activity')).toBe(true);
    expect(await core.learnCardCopy.execute(PRIMARY_CONTACT_ID, signal.id, 'copy-activity')).toBe(false);
  });

  it('learns nothing from another message the bot sent the member, such as the support reminder: only an unknown message can be a copy', async () => {
    const stored = await core.signals.get(signal.id);
    const reminder = { ...cardOf(signal), key: 'support_reminder:primary', view: 'support_reminder' as const, shownView: 'support_reminder' as const, activityId: 'support-reminder-activity' };
    delete (reminder as { inDoubtSends?: number }).inDoubtSends;
    await core.signals.replace({ ...signal, deliveries: [...signal.deliveries, reminder] }, stored!.etag);

    expect(await core.learnCardCopy.execute(PRIMARY_CONTACT_ID, signal.id, 'support-reminder-activity')).toBe(false);
    expect(cardOf(await core.stored(signal.id)).copies).toBeUndefined();
  });
});
