/**
 * Forgetting the child: the identity leaves the record, every card that showed it is drawn again
 * without it, and nothing that needs the child can happen afterwards.
 */
import { DomainError, ErrorCodes, type ErrorCode } from '../../../src/domain/errors';
import { forgetChild, identityExpiresAt, isForgetDue } from '../../../src/domain/forget-child';
import { acknowledge, bounce, closeUnroutable, forwardToSchool, recordSupport, sendToLeerplicht, type Signal } from '../../../src/domain/signal';
import { alertAdmins, applyDeliveryOutcomes, isDeliveryPending } from '../../../src/domain/signal.deliveries';
import { SCHOOL_ID } from '../../fixtures/directory';
import { BACKUP, ISSUED_AT, OFFICER, PRIMARY, WORKER, aSignal, aSignalViaLeerplicht, deliveredToAll } from '../../fixtures/signals';

const later = (hours: number) => new Date(ISSUED_AT.getTime() + hours * 3_600_000);
const FORGET = { atTheLatest: later(70), supportClosesAt: later(140) };
const issued = (): Signal => deliveredToAll(aSignal({ forget: FORGET }), later(0.1));
const errorCodeOf = (act: () => unknown): ErrorCode | undefined => {
  try {
    act();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : undefined;
  }
};

describe('the moment to forget', () => {
  it('is planned at issue as the latest moment, and is a deadline the scheduler finds', () => {
    const signal = aSignal({ forget: FORGET });
    expect(signal.redactAt).toBe(FORGET.atTheLatest.toISOString());
    expect(signal.supportClosesAt).toBe(FORGET.supportClosesAt.toISOString());
    expect(signal.nextDeadlineAt).toBe(FORGET.atTheLatest.toISOString());
    expect(isForgetDue(signal, later(69))).toBe(false);
    expect(isForgetDue(signal, FORGET.atTheLatest)).toBe(true);
  });

  it('moves earlier when the child is picked up, and never later', () => {
    expect(acknowledge(issued(), PRIMARY, later(12), later(20)).redactAt).toBe(later(20).toISOString());
    expect(acknowledge(issued(), PRIMARY, later(12), later(90)).redactAt).toBe(FORGET.atTheLatest.toISOString());
  });

  it('gives the store a backstop a day after the latest moment, from the record as issued', () => {
    expect(identityExpiresAt(aSignal({ forget: FORGET }))).toEqual(later(70 + 24));
  });
});

describe('forgetChild', () => {
  const at = later(70);

  it('drops the identity, records when, and leaves nothing to forget later', () => {
    const forgotten = forgetChild(issued(), at);

    expect(forgotten.child).toBeUndefined();
    expect(forgotten.redactAt).toBeUndefined();
    expect(forgotten.redactedAt).toBe(at.toISOString());
    expect(forgotten.timeline.at(-1)).toEqual({ at: at.toISOString(), type: 'redacted' });
    expect(JSON.stringify(forgotten)).not.toContain(aSignal().child!.lastName);
    expect(forgetChild(forgotten, later(80))).toBe(forgotten);
  });

  it('queues every card Teams shows with the child to be drawn again, in place', () => {
    const picked = deliveredToAll(acknowledge(issued(), PRIMARY, later(12)), later(12.1));
    const forgotten = forgetChild(picked, at);

    const primary = forgotten.deliveries.find((d) => d.recipientId === PRIMARY.id)!;
    expect(primary).toMatchObject({ view: 'support_form', status: 'sent', nextAttemptAt: at.toISOString(), attempts: 0 });
    expect(primary.activityId).toBeDefined();
    expect(isDeliveryPending(primary)).toBe(true);
    // The colleague's card already shows only who picked it up: nothing to redraw.
    const backup = forgotten.deliveries.find((d) => d.recipientId === BACKUP.id)!;
    expect(backup.view).toBe('taken');
    expect(isDeliveryPending(backup)).toBe(false);
    expect(forgotten.dispatchDueAt).toBe(at.toISOString());
  });

  it('tries a card that failed before again: a name left in a chat matters more than that failure', () => {
    const signal = issued();
    const failedKey = signal.deliveries[1]!.key;
    const failed = applyDeliveryOutcomes(signal, [{ key: failedKey, kind: 'failed', error: 'HTTP 403' }], later(1));

    const redraw = forgetChild(failed, at).deliveries.find((d) => d.key === failedKey)!;

    expect(redraw).toMatchObject({ status: 'sent', attempts: 0, nextAttemptAt: at.toISOString() });
    expect(redraw.lastError).toBeUndefined();
  });

  it('draws a card again when it reached Teams with the child after the child was forgotten', () => {
    const signal = aSignal({ forget: FORGET });
    const key = signal.deliveries[0]!.key;
    const forgotten = forgetChild(signal, at);

    const shown = applyDeliveryOutcomes(
      forgotten,
      [{ key, kind: 'shown', view: 'signal', conversationId: 'a:primary', activityId: '1:primary', renderedWithChild: true }],
      later(70.1),
    );

    const card = shown.deliveries.find((d) => d.key === key)!;
    expect(card.activityId).toBe('1:primary');
    expect(isDeliveryPending(card)).toBe(true);
  });

  it('ends a signal still waiting for leerplicht as expired: officers\' cards close, the worker is told in the working window', () => {
    const waiting = deliveredToAll(aSignalViaLeerplicht({ forget: FORGET }), later(0.1));
    const sendAt = later(80);

    const expired = forgetChild(waiting, at, WORKER, sendAt);

    expect(expired).toMatchObject({ state: 'unroutable', unroutable: { by: 'system', reason: 'expired', at: at.toISOString() } });
    expect(expired.deliveries.find((d) => d.recipientId === OFFICER.id)?.view).toBe('route_closed');
    expect(expired.deliveries.find((d) => d.recipientId === WORKER.id)).toMatchObject({ view: 'unroutable_notice', nextAttemptAt: sendAt.toISOString() });
    expect(expired.child).toBeUndefined();
  });
});

describe('after the child is forgotten', () => {
  const forgotten = () => forgetChild(issued(), later(70));

  it.each([
    ['Gezien', (s: Signal) => acknowledge(s, PRIMARY, later(71))],
    ['niet onze leerling', (s: Signal) => bounce(s, PRIMARY, WORKER, later(71))],
  ])('refuses %s with SIGNAL.REDACTED: nobody can act on a child without a name', (_step, act) => {
    expect(errorCodeOf(() => act(forgotten()))).toBe(ErrorCodes.redacted);
  });

  it('refuses leerplicht forwarding, and the worker handing a bounced signal to leerplicht', () => {
    const waiting = forgetChild(aSignalViaLeerplicht({ forget: FORGET }), later(70));
    expect(errorCodeOf(() => forwardToSchool(waiting, OFFICER, SCHOOL_ID, [PRIMARY], later(71)))).toBe(ErrorCodes.alreadyClosed);
    const bounced = forgetChild(bounce(issued(), PRIMARY, WORKER, later(1)), later(70));
    expect(errorCodeOf(() => sendToLeerplicht(bounced, WORKER, [OFFICER], later(71)))).toBe(ErrorCodes.redacted);
  });

  it('still takes support on the card without the child, until support closes', () => {
    const picked = forgetChild(acknowledge(issued(), PRIMARY, later(12), later(20)), later(20));
    const support = { categories: ['listening_ear' as const], priorConcern: 'no' as const };

    expect(recordSupport(picked, PRIMARY, support, later(100)).state).toBe('supported');
    expect(errorCodeOf(() => recordSupport(picked, PRIMARY, support, later(141)))).toBe(ErrorCodes.supportClosed);
  });
});

describe('a card whose last update failed for good', () => {
  const at = later(70);
  const ADMIN = { id: 'admin-1', name: 'Ada Beheer' };
  const OTHER_OFFICER = { id: 'officer-2', name: 'Els Vos' };
  const failedFor = (signal: Signal, recipientId: string, when: Date): Signal => {
    const key = signal.deliveries.find((d) => d.recipientId === recipientId && d.view !== 'reminder')!.key;
    return applyDeliveryOutcomes(signal, [{ key, kind: 'failed', error: 'http_400_BadRequest' }], when);
  };
  const cardOf = (signal: Signal, recipientId: string) => signal.deliveries.find((d) => d.recipientId === recipientId && d.role !== 'admin')!;
  const alertsAbout = (signal: Signal, recipientId: string) =>
    signal.deliveries.filter((d) => d.role === 'admin' && d.about === cardOf(signal, recipientId).key).map((d) => d.view);

  const viaLeerplicht = () => deliveredToAll(aSignalViaLeerplicht({ forget: FORGET, target: { route: 'leerplicht', officers: [OFFICER, OTHER_OFFICER] } }), later(0.1));

  it.each([
    ['a colleague\'s "taken" after another contact pressed Gezien', () => failedFor(acknowledge(issued(), PRIMARY, later(12)), BACKUP.id, later(12.1)), BACKUP.id, 'signal'],
    ['a colleague\'s "withdrawn" after niet onze leerling', () => failedFor(bounce(issued(), PRIMARY, WORKER, later(12)), BACKUP.id, later(12.1)), BACKUP.id, 'signal'],
    ['an officer\'s "routed" after another officer forwarded it', () => failedFor(forwardToSchool(viaLeerplicht(), OFFICER, SCHOOL_ID, [PRIMARY], later(1)), OTHER_OFFICER.id, later(1.1)), OTHER_OFFICER.id, 'route'],
  ])('is drawn again without the child: Teams still shows the card before it (%s)', (_case, arrange, recipientId, shown) => {
    const failed = arrange();
    expect(cardOf(failed, recipientId)).toMatchObject({ status: 'failed', shownView: shown });

    const forgotten = forgetChild(failed, at);

    const card = cardOf(forgotten, recipientId);
    expect(card).toMatchObject({ status: 'sent', attempts: 0, nextAttemptAt: at.toISOString() });
    expect(isDeliveryPending(card)).toBe(true);
    expect(forgotten.dispatchDueAt! <= at.toISOString()).toBe(true);
  });

  it('is drawn again when leerplicht closes the signal while the other officer\'s update is still on its way', () => {
    const closed = closeUnroutable(viaLeerplicht(), OFFICER, 'moved', WORKER, later(1));
    const card = cardOf(closed, OTHER_OFFICER.id);
    // Redrawn: should this update fail for good, Teams keeps the route card with the name.
    expect(card.view).toBe('route_closed');
    expect(card.shownView).toBeUndefined();
    expect(alertsAbout(alertAdmins(failedFor(closed, OTHER_OFFICER.id, later(1.1)), [ADMIN], later(1.1)), OTHER_OFFICER.id)).toEqual(['name_alert']);
  });

  it('tells the admins the name could not be removed, even when they heard of that card failing before; once each', () => {
    const failed = failedFor(acknowledge(issued(), PRIMARY, later(12)), BACKUP.id, later(12.1));
    const alerted = alertAdmins(failed, [ADMIN], later(12.1));
    expect(alertsAbout(alerted, BACKUP.id)).toEqual(['delivery_alert']);

    const refailed = failedFor(forgetChild(alerted, at), BACKUP.id, later(70.1));
    const realerted = alertAdmins(refailed, [ADMIN], later(70.1));

    expect(alertsAbout(realerted, BACKUP.id)).toEqual(['delivery_alert', 'name_alert']);
    expect(new Set(realerted.deliveries.map((d) => d.key)).size).toBe(realerted.deliveries.length);
    expect(alertAdmins(realerted, [ADMIN], later(70.2))).toBe(realerted);
  });

  it('is reported as undelivered, not as a name left behind, when it never reached Teams', () => {
    const neverShown = aSignal({ forget: FORGET });
    const key = neverShown.deliveries[1]!.key;
    const failed = applyDeliveryOutcomes(neverShown, [{ key, kind: 'failed', error: 'http_403' }], later(1));
    const alerted = alertAdmins(forgetChild(alertAdmins(failed, [ADMIN], later(1)), at), [ADMIN], at);

    expect(alerted.deliveries.filter((d) => d.about === key).map((d) => d.view)).toEqual(['delivery_alert']);
  });

  it('is drawn again when the card reached Teams with the child after it was forgotten, whatever it should show now', () => {
    const signal = aSignal({ forget: FORGET });
    const key = signal.deliveries[1]!.key;
    // The backup's first card is on its way when the primary picks it up and the child is forgotten.
    const forgotten = forgetChild(acknowledge(signal, PRIMARY, later(12)), at);
    const shown = applyDeliveryOutcomes(
      forgotten,
      [{ key, kind: 'shown', view: 'signal', conversationId: 'a:backup', activityId: '1:backup', renderedWithChild: true }],
      later(70.1),
    );
    const refailed = alertAdmins(applyDeliveryOutcomes(shown, [{ key, kind: 'failed', error: 'http_400' }], later(70.2)), [ADMIN], later(70.2));

    expect(refailed.deliveries.filter((d) => d.about === key).map((d) => d.view)).toEqual(['name_alert']);
  });
});
