/**
 * The cards that keep a signal on time: the reminder to a school's contacts, the escalation to
 * the municipality's coordinators and what it turns into once one takes it on, and the reminder
 * to record support. None of them carries the child (see no-child-data.test.ts).
 */
import { escalationCard } from '../../cards/escalation-card';
import { escalationTakenCard } from '../../cards/escalation-taken-card';
import { reminderCard } from '../../cards/reminder-card';
import { supportReminderCard } from '../../cards/support-reminder-card';
import { actionsOf, visibleTexts } from './card-walk';
import { aReminder, aSupportReminder, anEscalation, anEscalationTaken } from './views';

describe("the reminder to a school's contacts", () => {
  it('names the reference, the school and the time it is due, and points to the card with Gezien', () => {
    const texts = visibleTexts(reminderCard(aReminder()));

    expect(texts).toEqual([
      'Herinnering: Handle with Care-signaal nog niet opgepakt',
      'Referentie',
      'HWC-7F3K',
      'School',
      'Basisschool De Regenboog',
      'Graag vóór 10-03 08:30 oppakken: druk op **Gezien** op de kaart met deze referentie hierboven in deze chat.',
    ]);
  });

  it('shows the due time in Amsterdam time, also in summer', () => {
    expect(visibleTexts(reminderCard(aReminder({ dueAt: '2026-06-02T06:30:00.000Z' }))).join('\n')).toContain(
      'Graag vóór 02-06 08:30 oppakken',
    );
  });

  it('has no buttons: Gezien is pressed on the signal card itself', () => {
    expect(actionsOf(reminderCard(aReminder()))).toEqual([]);
  });

  it('speaks English for an English user', () => {
    expect(visibleTexts(reminderCard(aReminder({ locale: 'en' })))).toEqual(
      expect.arrayContaining([
        'Reminder: Handle with Care signal not picked up yet',
        'Reference',
        'Please pick it up before 10-03 08:30: press **Seen** on the card with this reference further up in this chat.',
      ]),
    );
  });
});

describe("the escalation to the municipality's coordinators", () => {
  it('names the reference, the school, when it was sent and when it was due, and the contact persons', () => {
    const texts = visibleTexts(escalationCard(anEscalation()));

    expect(texts[0]).toBe('Handle with Care — niet opgepakt');
    expect(texts).toEqual(
      expect.arrayContaining([
        'HWC-7F3K',
        'Basisschool De Regenboog',
        'Verstuurd op',
        '10-03-2026 07:45',
        'Op te pakken vóór',
        '10-03-2026 08:30',
        'Contactpersonen: Anouk Jansen, Pieter Bakker',
        'Niemand van de school heeft dit signaal op tijd opgepakt. Neem contact op met de school.',
      ]),
    );
  });

  it('has one button, Ik neem contact op, that sends only the signal id', () => {
    expect(actionsOf(escalationCard(anEscalation({ signalId: 'sig-42' })))).toEqual([
      {
        type: 'Action.Execute',
        verb: 'escalation.take',
        title: 'Ik neem contact op',
        data: { signalId: 'sig-42' },
        associatedInputs: 'none',
        style: 'positive',
      },
    ]);
  });

  it('lists a single contact person, and says so when the school has none', () => {
    expect(visibleTexts(escalationCard(anEscalation({ contactNames: ['Anouk Jansen'] })))).toContain(
      'Contactpersonen: Anouk Jansen',
    );
    const texts = visibleTexts(escalationCard(anEscalation({ contactNames: [] })));

    expect(texts).toContain('Voor deze school is geen contactpersoon bekend.');
    expect(texts.join('\n')).not.toMatch(/Contactpersonen:/);
  });

  it('speaks English for an English user', () => {
    const card = escalationCard(anEscalation({ locale: 'en' }));

    expect(visibleTexts(card)).toEqual(
      expect.arrayContaining([
        'Handle with Care — not picked up',
        'Contact persons: Anouk Jansen, Pieter Bakker',
        'Nobody at the school picked up this signal in time. Please contact the school.',
      ]),
    );
    expect(actionsOf(card)[0]?.title).toBe("I'll contact the school");
  });
});

describe("the coordinators' escalation cards once one took it on", () => {
  it('say who contacts which school, since when, with the reference', () => {
    const texts = visibleTexts(escalationTakenCard(anEscalationTaken()));

    expect(texts).toEqual(
      expect.arrayContaining([
        'Sanne de Vries neemt contact op met Basisschool De Regenboog (sinds 09:05)',
        'HWC-7F3K',
        'Basisschool De Regenboog',
      ]),
    );
  });

  it('have no buttons: nobody calls the school twice', () => {
    expect(actionsOf(escalationTakenCard(anEscalationTaken()))).toEqual([]);
  });

  it('speak English for an English user', () => {
    expect(visibleTexts(escalationTakenCard(anEscalationTaken({ locale: 'en' })))).toContain(
      'Sanne de Vries is contacting Basisschool De Regenboog (since 09:05)',
    );
  });
});

describe('the reminder to record support', () => {
  it('asks to record the support, by reference and school, with when the signal was sent', () => {
    const texts = visibleTexts(supportReminderCard(aSupportReminder()));

    expect(texts[0]).toBe('Herinnering: leg de steun vast');
    expect(texts).toEqual(expect.arrayContaining(['HWC-7F3K', 'Basisschool De Regenboog', '10-03-2026 07:45']));
  });

  it('opens the support form with Steun vastleggen', () => {
    expect(actionsOf(supportReminderCard(aSupportReminder({ signalId: 'sig-42' })))).toEqual([
      {
        type: 'Action.Execute',
        verb: 'support.edit',
        title: 'Steun vastleggen',
        data: { signalId: 'sig-42' },
        associatedInputs: 'none',
        style: 'positive',
      },
    ]);
  });

  it('speaks English for an English user', () => {
    const card = supportReminderCard(aSupportReminder({ locale: 'en' }));

    expect(visibleTexts(card)[0]).toBe('Reminder: record the support');
    expect(actionsOf(card)[0]?.title).toBe('Record support');
  });
});
