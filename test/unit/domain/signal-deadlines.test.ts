/**
 * Deadlines on the signal: a reminder never comes before the card it points to, and a signal
 * escalated again at a second school gets new escalation cards rather than colliding with the
 * first school's.
 */
import { acknowledge, applyDueDeadlines, bounce, forwardToSchool, issueSignal } from '../../../src/domain/signal';
import { COORDINATOR_ID, SCHOOL_ID } from '../../fixtures/directory';
import { FIRST_SCHOOL_ID, OFFICER, PRIMARY, WORKER, aChild, aSignalViaLeerplicht, scheduleTimes } from '../../fixtures/signals';

const at = (iso: string) => new Date(iso);

describe('deadlines on the signal', () => {
  it('sets no reminder when the card itself only arrives after the reminder time', () => {
    const times = { ...scheduleTimes(at('2026-03-03T07:00:00.000Z')), deliverAt: at('2026-03-03T07:10:00.000Z') };
    const signal = issueSignal({
      id: 'late-arrival',
      reference: 'HWC-LATE',
      child: aChild(),
      municipalityId: 'GM0917',
      issuedBy: WORKER.id,
      target: { route: 'direct', schoolId: SCHOOL_ID, contacts: [{ ...PRIMARY, rank: 'primary' }] },
      now: at('2026-03-03T07:10:00.000Z'),
      times,
    });
    expect(signal.schedule?.remindAt).toBeUndefined();
    expect(signal.schedule?.escalateAt).toBe(times.escalateAt.toISOString());
    expect(signal.nextDeadlineAt).toBe(times.escalateAt.toISOString());
  });

  it('gives a signal escalated at a second school new escalation cards, one per coordinator per school', () => {
    const coordinator = { id: COORDINATOR_ID, name: 'Mieke Hermans' };
    const first = scheduleTimes(at('2026-03-03T07:00:00.000Z'));
    let signal = forwardToSchool(aSignalViaLeerplicht(), OFFICER, FIRST_SCHOOL_ID, [{ ...PRIMARY, rank: 'primary' }], at('2026-03-03T05:00:00.000Z'), first);
    signal = applyDueDeadlines(signal, first.escalateAt, [coordinator]);
    signal = bounce(signal, PRIMARY, WORKER, at('2026-03-03T08:30:00.000Z'));
    const second = scheduleTimes(at('2026-03-03T10:00:00.000Z'));
    signal = forwardToSchool(signal, OFFICER, SCHOOL_ID, [{ id: 'contact-b', name: 'B', rank: 'primary' }], at('2026-03-03T08:40:00.000Z'), second);
    signal = applyDueDeadlines(signal, second.escalateAt, [coordinator]);

    const escalations = signal.deliveries.filter((d) => d.role === 'coordinator');
    expect(escalations.map((d) => d.schoolId)).toEqual([FIRST_SCHOOL_ID, SCHOOL_ID]);
    expect(new Set(signal.deliveries.map((d) => d.key)).size).toBe(signal.deliveries.length);
  });

  it('lets reminders found due in quiet time wait for the working window', () => {
    const times = scheduleTimes(at('2026-03-03T07:00:00.000Z'));
    const signal = issueSignal({
      id: 'quiet',
      reference: 'HWC-QUIE',
      child: aChild(),
      municipalityId: 'GM0917',
      issuedBy: WORKER.id,
      target: { route: 'direct', schoolId: SCHOOL_ID, contacts: [{ ...PRIMARY, rank: 'primary' }] },
      now: at('2026-03-03T05:00:00.000Z'),
      times,
    });
    const nextMorning = at('2026-03-04T06:00:00.000Z');
    const reminded = applyDueDeadlines(signal, at('2026-03-03T21:30:00.000Z'), [], nextMorning);
    const reminder = reminded.deliveries.find((d) => d.view === 'reminder');
    expect(reminder?.nextAttemptAt).toBe(nextMorning.toISOString());
  });
});

describe('the 48-hour support deadline', () => {
  it('records the miss for a signal nobody picked up, without reminding anyone', () => {
    const times = scheduleTimes(at('2026-03-03T07:00:00.000Z'));
    const signal = issueSignal({
      id: 'unseen',
      reference: 'HWC-UNSN',
      child: aChild(),
      municipalityId: 'GM0917',
      issuedBy: WORKER.id,
      target: { route: 'direct', schoolId: SCHOOL_ID, contacts: [{ ...PRIMARY, rank: 'primary' }] },
      now: at('2026-03-03T05:00:00.000Z'),
      times,
    });
    const after = applyDueDeadlines(signal, times.supportReminderAt, []);
    expect(after.timeline.filter((e) => e.type === 'support_overdue')).toHaveLength(1);
    expect(after.deliveries.some((d) => d.view === 'support_reminder')).toBe(false);
    expect(after.nextDeadlineAt).toBeUndefined();
  });
});

describe('the support reminder after a late Gezien', () => {
  it('comes no sooner than 24 hours after the contact picked the signal up', () => {
    const times = scheduleTimes(at('2026-03-03T07:00:00.000Z'));
    const issued = issueSignal({
      id: 'late-ack',
      reference: 'HWC-LATE',
      child: aChild(),
      municipalityId: 'GM0917',
      issuedBy: WORKER.id,
      target: { route: 'direct', schoolId: SCHOOL_ID, contacts: [{ ...PRIMARY, rank: 'primary' }] },
      now: at('2026-03-03T05:00:00.000Z'),
      times,
    });
    // Picked up an hour before the 48-hour reminder would have come.
    const pickedUpAt = new Date(times.supportReminderAt.getTime() - 60 * 60 * 1000);
    const acknowledged = acknowledge(issued, PRIMARY, pickedUpAt);

    const atOldTime = applyDueDeadlines(acknowledged, times.supportReminderAt, []);
    expect(atOldTime.deliveries.some((d) => d.view === 'support_reminder')).toBe(false);

    const dayLater = new Date(pickedUpAt.getTime() + 24 * 60 * 60 * 1000);
    expect(acknowledged.schedule?.supportRemindAt).toBe(dayLater.toISOString());
    const reminded = applyDueDeadlines(acknowledged, dayLater, []);
    expect(reminded.deliveries.filter((d) => d.view === 'support_reminder')).toHaveLength(1);
  });

  it('keeps its time when Gezien came early', () => {
    const times = scheduleTimes(at('2026-03-03T07:00:00.000Z'));
    const issued = issueSignal({
      id: 'early-ack',
      reference: 'HWC-ERLY',
      child: aChild(),
      municipalityId: 'GM0917',
      issuedBy: WORKER.id,
      target: { route: 'direct', schoolId: SCHOOL_ID, contacts: [{ ...PRIMARY, rank: 'primary' }] },
      now: at('2026-03-03T05:00:00.000Z'),
      times,
    });
    const acknowledged = acknowledge(issued, PRIMARY, at('2026-03-03T05:30:00.000Z'));
    expect(acknowledged.schedule?.supportRemindAt).toBe(times.supportReminderAt.toISOString());
  });
});
