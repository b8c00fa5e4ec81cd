import { ErrorCodes } from '../../../src/domain/errors';
import { REFERENCE_ALPHABET, REFERENCE_PATTERN, newReferenceCode } from '../../../src/domain/reference-code';
import { acknowledge, recordSupport, type Delivery, type Signal } from '../../../src/domain/signal';
import { applyDeliveryOutcomes, isDeliveryPending, leaseDueDeliveries } from '../../../src/domain/signal.deliveries';
import { SCHOOL_ID } from '../../fixtures/directory';
import { BACKUP, ISSUED_AT, PRIMARY, aChild, aSignal, deliveredToAll, onTheirCard } from '../../fixtures/signals';
import { DomainError } from '../../../src/domain/errors';
import type { PriorConcern, SupportCategory } from '../../../src/domain/support';

const later = (ms: number) => new Date(ISSUED_AT.getTime() + ms);
const deliveryOf = (signal: Signal, recipientId: string): Delivery => {
  const found = signal.deliveries.find((d) => d.recipientId === recipientId);
  if (!found) throw new Error(`no delivery for ${recipientId}`);
  return found;
};
/** Outcomes name the delivery by its key, as the dispatcher reports them. */
const keyOf = (signal: Signal, recipientId: string): string => deliveryOf(signal, recipientId).key;
const errorCodeOf = (act: () => unknown): string | undefined => {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
};

describe('issuing a signal', () => {
  const signal = aSignal();

  it('starts in state issued, with the child, the issuer and one timeline event naming the school', () => {
    expect(signal.state).toBe('issued');
    expect(signal.child).toEqual(aChild());
    expect(signal.issuedAt).toBe(ISSUED_AT.toISOString());
    expect(signal.timeline).toEqual([{ at: ISSUED_AT.toISOString(), type: 'issued', actorId: signal.issuedBy, subjectId: SCHOOL_ID }]);
  });

  it('has a pending delivery of the signal card for every recipient, due now', () => {
    expect(signal.deliveries.map((d) => [d.recipientId, d.rank, d.view, d.status, d.attempts])).toEqual([
      [PRIMARY.id, 'primary', 'signal', 'pending', 0],
      [BACKUP.id, 'backup', 'signal', 'pending', 0],
    ]);
    expect(signal.deliveries.every(isDeliveryPending)).toBe(true);
    expect(signal.dispatchDueAt).toBe(ISSUED_AT.toISOString());
  });
});

describe('recording what the dispatcher achieved', () => {
  const shown = (signal: Signal, recipientId: string, activityId: string) =>
    ({ key: keyOf(signal, recipientId), kind: 'shown', view: 'signal', conversationId: `a:${recipientId}`, activityId }) as const;

  it('marks a shown card as sent, no longer pending, with the message id to update it later', () => {
    const signal = aSignal();
    const after = applyDeliveryOutcomes(signal, [shown(signal, PRIMARY.id, 'act-1')], later(1_000));
    const primary = deliveryOf(after, PRIMARY.id);
    expect(primary).toMatchObject({ status: 'sent', shownView: 'signal', activityId: 'act-1', conversationId: `a:${PRIMARY.id}` });
    expect(primary.nextAttemptAt).toBeUndefined();
    expect(isDeliveryPending(primary)).toBe(false);
  });

  it('turns the signal delivered at the first delivery, and keeps the backup due', () => {
    const signal = aSignal();
    const after = applyDeliveryOutcomes(signal, [shown(signal, PRIMARY.id, 'act-1')], later(1_000));
    expect(after.state).toBe('delivered');
    expect(after.stateChangedAt).toBe(later(1_000).toISOString());
    expect(after.timeline.map((e) => [e.type, e.subjectId])).toEqual([
      ['issued', SCHOOL_ID],
      ['delivered', PRIMARY.id],
    ]);
    expect(after.dispatchDueAt).toBe(deliveryOf(after, BACKUP.id).nextAttemptAt);
  });

  it('does not change the state again when the second contact gets the card', () => {
    const signal = aSignal();
    const first = applyDeliveryOutcomes(signal, [shown(signal, PRIMARY.id, 'act-1')], later(1_000));
    const second = applyDeliveryOutcomes(first, [shown(signal, BACKUP.id, 'act-2')], later(2_000));
    expect(second.state).toBe('delivered');
    expect(second.stateChangedAt).toBe(later(1_000).toISOString());
    expect(second.dispatchDueAt).toBeUndefined();
  });

  it('schedules a retry: one more attempt, the next attempt time and the error code', () => {
    const retryAt = later(60_000);
    const signal = aSignal();
    const after = applyDeliveryOutcomes(signal, [{ key: keyOf(signal, BACKUP.id), kind: 'retry', error: 'http_429', retryAt }], later(1_000));
    expect(deliveryOf(after, BACKUP.id)).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: retryAt.toISOString(), lastError: 'http_429' });
    expect(after.state).toBe('issued');
  });

  it('makes a failure final: not pending, no next attempt, a delivery_failed event', () => {
    const signal = aSignal();
    const after = applyDeliveryOutcomes(signal, [{ key: keyOf(signal, BACKUP.id), kind: 'failed', error: 'http_403' }], later(1_000));
    const backup = deliveryOf(after, BACKUP.id);
    expect(backup).toMatchObject({ status: 'failed', lastError: 'http_403' });
    expect(backup.nextAttemptAt).toBeUndefined();
    expect(isDeliveryPending(backup)).toBe(false);
    expect(after.timeline.at(-1)).toEqual({ at: later(1_000).toISOString(), type: 'delivery_failed', subjectId: BACKUP.id });
    expect(after.dispatchDueAt).toBe(deliveryOf(after, PRIMARY.id).nextAttemptAt);
  });

  it('keeps a failed delivery failed when the signal is acknowledged later', () => {
    const signal = aSignal();
    const backupFailed = applyDeliveryOutcomes(signal, [{ key: keyOf(signal, BACKUP.id), kind: 'failed', error: 'http_403' }], later(1_000));
    const acknowledged = acknowledge(backupFailed, PRIMARY, later(5_000));
    expect(deliveryOf(acknowledged, BACKUP.id)).toMatchObject({ status: 'failed', view: 'taken' });
    expect(isDeliveryPending(deliveryOf(acknowledged, BACKUP.id))).toBe(false);
  });
});

describe('acknowledging a signal', () => {
  const delivered = deliveredToAll(aSignal(), later(1_000));
  const at = later(12 * 3_600_000);

  it('records who picked it up and when, and moves to acknowledged', () => {
    const after = acknowledge(delivered, PRIMARY, at);
    expect(after.state).toBe('acknowledged');
    expect(after.acknowledgement).toEqual({ by: PRIMARY.id, byName: PRIMARY.name, at: at.toISOString() });
    expect(after.timeline.at(-1)).toEqual({ at: at.toISOString(), type: 'acknowledged', actorId: PRIMARY.id });
  });

  it("turns every other contact's card into 'taken', pending from now", () => {
    const after = acknowledge(delivered, PRIMARY, at);
    const backup = deliveryOf(after, BACKUP.id);
    expect(backup).toMatchObject({ view: 'taken', shownView: 'signal', nextAttemptAt: at.toISOString() });
    expect(isDeliveryPending(backup)).toBe(true);
    expect(after.dispatchDueAt).toBe(at.toISOString());
  });

  it("keeps the lease of a colleague's card that is still on its way, so the update follows that send", () => {
    const leaseUntil = later(30_000);
    const inFlight = leaseDueDeliveries(aSignal(), ISSUED_AT, leaseUntil);
    const after = acknowledge(inFlight, PRIMARY, later(5_000));
    expect(deliveryOf(after, BACKUP.id)).toMatchObject({ view: 'taken', nextAttemptAt: leaseUntil.toISOString() });
  });

  it("shows the acknowledging contact the support form without another send: the button's answer is that form", () => {
    const after = acknowledge(delivered, onTheirCard(PRIMARY, delivered), at);
    const primary = deliveryOf(after, PRIMARY.id);
    expect(primary).toMatchObject({ view: 'support_form', shownView: 'support_form' });
    expect(isDeliveryPending(primary)).toBe(false);
  });

  it('updates the contact’s card in place when the press came from no known message: the answer may have landed elsewhere', () => {
    const after = acknowledge(delivered, PRIMARY, at);
    const primary = deliveryOf(after, PRIMARY.id);
    expect(primary).toMatchObject({ view: 'support_form', shownView: 'signal', nextAttemptAt: at.toISOString() });
    expect(isDeliveryPending(primary)).toBe(true);
  });

  it('is a no-op when the same contact presses again: the very same signal comes back', () => {
    const once = acknowledge(delivered, PRIMARY, at);
    expect(acknowledge(once, PRIMARY, later(13 * 3_600_000))).toBe(once);
  });

  it('refuses another contact once it is picked up: the first press wins', () => {
    const once = acknowledge(delivered, PRIMARY, at);
    expect(errorCodeOf(() => acknowledge(once, BACKUP, later(13 * 3_600_000)))).toBe(ErrorCodes.alreadyAcknowledged);
  });
});

describe('recording support', () => {
  const acknowledged = acknowledge(deliveredToAll(aSignal(), later(1_000)), PRIMARY, later(12 * 3_600_000));
  const first = (): { categories: SupportCategory[]; priorConcern: PriorConcern } => ({ categories: ['no_penalty', 'listening_ear'], priorConcern: 'no' });
  const firstAt = later(12.5 * 3_600_000);

  it('is refused before anyone picked the signal up', () => {
    const delivered = deliveredToAll(aSignal(), later(1_000));
    expect(errorCodeOf(() => recordSupport(delivered, PRIMARY, first(), firstAt))).toBe(
      ErrorCodes.notAcknowledged,
    );
  });

  it('stores the categories and the prior-concern answer, and moves to supported', () => {
    const after = recordSupport(acknowledged, onTheirCard(PRIMARY, acknowledged), first(), firstAt);
    expect(after.state).toBe('supported');
    expect(after.support).toEqual({
      categories: ['no_penalty', 'listening_ear'],
      priorConcern: 'no',
      by: PRIMARY.id,
      byName: PRIMARY.name,
      firstRecordedAt: firstAt.toISOString(),
      recordedAt: firstAt.toISOString(),
    });
    expect(after.timeline.at(-1)?.type).toBe('support_recorded');
    expect(deliveryOf(after, PRIMARY.id)).toMatchObject({ view: 'supported', shownView: 'supported' });
  });

  it('updates the card that shows the support form, with the name, when support is saved on the support reminder', () => {
    const picked = acknowledge(deliveredToAll(aSignal(), later(1_000)), onTheirCard(PRIMARY, deliveredToAll(aSignal(), later(1_000))), later(12 * 3_600_000));
    const onReminder = { ...PRIMARY, onMessage: 'activity-support-reminder' };
    const after = recordSupport(picked, onReminder, first(), firstAt);
    const card = deliveryOf(after, PRIMARY.id);
    expect(card).toMatchObject({ view: 'supported', shownView: 'support_form', nextAttemptAt: firstAt.toISOString() });
    expect(isDeliveryPending(card)).toBe(true);
  });

  it('updates a card with a learned copy, copies and all, even when pressed on the card itself', () => {
    const withCopy: Signal = {
      ...acknowledged,
      deliveries: acknowledged.deliveries.map((d) => (d.recipientId === PRIMARY.id ? { ...d, copies: ['activity-copy'] } : d)),
    };
    const after = recordSupport(withCopy, onTheirCard(PRIMARY, withCopy), first(), firstAt);
    expect(isDeliveryPending(deliveryOf(after, PRIMARY.id))).toBe(true);
  });

  it('may be changed on the same school day, keeping when it was first recorded', () => {
    const once = recordSupport(acknowledged, PRIMARY, first(), firstAt);
    const changedAt = later(14 * 3_600_000);
    const changed = recordSupport(once, PRIMARY, { categories: ['quiet_place'], priorConcern: 'yes' }, changedAt);
    expect(changed.support).toMatchObject({
      categories: ['quiet_place'],
      priorConcern: 'yes',
      firstRecordedAt: firstAt.toISOString(),
      recordedAt: changedAt.toISOString(),
    });
    expect(changed.stateChangedAt).toBe(firstAt.toISOString());
    expect(changed.timeline.at(-1)?.type).toBe('support_changed');
  });

  it('is locked on a later school day', () => {
    const once = recordSupport(acknowledged, PRIMARY, first(), firstAt);
    expect(errorCodeOf(() => recordSupport(once, PRIMARY, { categories: ['other'], priorConcern: 'yes' }, later(40 * 3_600_000)))).toBe(
      ErrorCodes.supportLocked,
    );
  });
});

describe('leasing due deliveries', () => {
  it('leases only the deliveries that are due, until the given time', () => {
    const now = later(10_000);
    const until = later(40_000);
    const issued = aSignal();
    const signal = applyDeliveryOutcomes(
      issued,
      [{ key: keyOf(issued, BACKUP.id), kind: 'retry', error: 'http_429', retryAt: later(120_000) }],
      later(1_000),
    );
    const leased = leaseDueDeliveries(signal, now, until);
    expect(deliveryOf(leased, PRIMARY.id).nextAttemptAt).toBe(until.toISOString());
    expect(deliveryOf(leased, BACKUP.id).nextAttemptAt).toBe(later(120_000).toISOString());
    expect(leased.dispatchDueAt).toBe(until.toISOString());
  });

  it('does not lease a delivery that is already sent or failed', () => {
    const issued = aSignal();
    const signal = applyDeliveryOutcomes(
      issued,
      [
        { key: keyOf(issued, PRIMARY.id), kind: 'shown', view: 'signal', conversationId: 'a:p', activityId: 'act-1' },
        { key: keyOf(issued, BACKUP.id), kind: 'failed', error: 'http_403' },
      ],
      later(1_000),
    );
    const leased = leaseDueDeliveries(signal, later(10_000), later(40_000));
    expect(leased.deliveries).toEqual(signal.deliveries);
    expect(leased.dispatchDueAt).toBeUndefined();
  });
});

describe('reference codes', () => {
  it('look like HWC- and four characters of the reference alphabet', () => {
    let n = 0;
    const code = newReferenceCode((max) => (n++ * 7) % max);
    expect(code).toMatch(REFERENCE_PATTERN);
    expect(code).toMatch(/^HWC-[A-Z2-9]{5}$/);
  });

  it('never use characters that are easily confused on the phone: 0/O, 1/I/L', () => {
    for (const c of ['0', 'O', '1', 'I', 'L']) expect(REFERENCE_ALPHABET).not.toContain(c);
  });

  it('take every character from the alphabet, the first and the last included', () => {
    expect(newReferenceCode(() => 0)).toBe(`HWC-${REFERENCE_ALPHABET[0]!.repeat(5)}`);
    expect(newReferenceCode((max) => max - 1)).toBe(`HWC-${REFERENCE_ALPHABET.at(-1)!.repeat(5)}`);
  });

  it.each([['HWC-0O1I'], ['HWC-7f3k'], ['HWC-7F3'], ['HWC-7F3KKK'], ['XYZ-7F3K'], ['HWC-LLLL']])('are not matched by the pattern when malformed: %s', (code) => {
    expect(code).not.toMatch(REFERENCE_PATTERN);
  });
});
