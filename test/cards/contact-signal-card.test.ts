import { contactSignalCard } from '../../cards/contact-signal-card';
import { nl } from '../../cards/i18n/nl';
import { actionsOf, visibleTexts } from './card-walk';
import { aContactSignal, CHILD } from './views';

describe("the school contact's signal card", () => {
  it('shows Handle with Care, the full name, the birth date as dd-mm-jjjj, school, time and reference', () => {
    const texts = visibleTexts(contactSignalCard(aContactSignal()));

    expect(texts).toEqual(
      expect.arrayContaining([
        'Handle with Care',
        "Zoë van 't Hoff-Achterberg",
        '09-03-2015',
        'Basisschool De Regenboog',
        '10-03-2026 07:45',
        'HWC-7F3K',
      ]),
    );
  });

  it('has Gezien — ik pak dit op, and Niet onze leerling, both for this signal', () => {
    const actions = actionsOf(contactSignalCard(aContactSignal({ signalId: 'sig-42' })));

    expect(actions).toHaveLength(2);
    expect(actions[0]).toMatchObject({
      type: 'Action.Execute',
      verb: 'signal.acknowledge',
      title: 'Gezien — ik pak dit op',
      data: { signalId: 'sig-42' },
      style: 'positive',
    });
    expect(actions[1]).toEqual({
      type: 'Action.Execute',
      verb: 'signal.bounce',
      title: 'Niet onze leerling',
      data: { signalId: 'sig-42' },
    });
  });

  it('says what Niet onze leerling does: the signal goes back and the data leaves the card', () => {
    const texts = visibleTexts(contactSignalCard(aContactSignal())).join('\n');

    expect(texts).toMatch(/Niet onze leerling\*\*\. Het signaal gaat terug/);
    expect(texts).toMatch(/verdwijnen van deze kaart/);
  });

  it('shows nothing beyond the name, birth date, school, time, reference and the fixed texts', () => {
    const card = contactSignalCard(aContactSignal());
    const allowed = new Set([
      ...Object.values(nl.common),
      nl.contactSignal.expectation,
      nl.contactSignal.needToKnow,
      nl.contactSignal.acknowledge,
      nl.contactSignal.bounceHint,
      nl.contactSignal.bounce,
      "Zoë van 't Hoff-Achterberg",
      '09-03-2015',
      'Basisschool De Regenboog',
      '10-03-2026 07:45',
      'HWC-7F3K',
    ]);

    expect(visibleTexts(card).filter((text) => !allowed.has(text))).toEqual([]);
  });

  it('passes on no other data about the child, even when the caller has some', () => {
    const child = { ...CHILD, address: 'Dorpsstraat 1', incident: 'politie-inzet', parent: 'J. Hoff' };
    const json = JSON.stringify(contactSignalCard(aContactSignal({ child })));

    expect(json).not.toMatch(/Dorpsstraat|politie-inzet|J\. Hoff/);
    // The birth date appears only the Dutch way, never as the stored ISO date.
    expect(json).not.toContain('2015-03-09');
  });

  it('tells the contact what is expected without any incident details', () => {
    const texts = visibleTexts(contactSignalCard(aContactSignal()));

    expect(texts).toContain(nl.contactSignal.expectation);
    expect(nl.contactSignal.expectation).toMatch(/begrip/);
  });

  it('shows the time in Amsterdam summer time too', () => {
    const texts = visibleTexts(contactSignalCard(aContactSignal({ issuedAt: '2026-06-30T22:15:00.000Z' })));

    expect(texts).toContain('01-07-2026 00:15');
  });

  it('speaks English for an English user', () => {
    const card = contactSignalCard(aContactSignal({ locale: 'en' }));

    expect(actionsOf(card).map((a) => a.title)).toEqual(["Seen — I'll pick this up", 'Not our pupil']);
    expect(visibleTexts(card)).toEqual(expect.arrayContaining(['Date of birth', 'Reference', '09-03-2015']));
  });
});
