/** The cards that replace or follow a signal once it moved on: all without child data, most without buttons. */
import { bouncedNoticeCard } from '../../cards/bounced-notice-card';
import { routeClosedCard } from '../../cards/route-closed-card';
import { routedCard } from '../../cards/routed-card';
import { unroutableNoticeCard } from '../../cards/unroutable-notice-card';
import { withdrawnCard } from '../../cards/withdrawn-card';
import { actionsOf, visibleTexts } from './card-walk';
import { aBouncedNotice, aRouteClosed, aRouted, aWithdrawn, anUnroutableNotice } from './views';

describe("the other leerplicht officers' card once one forwarded it", () => {
  it('says who forwarded it, to which school and when, with reference and municipality', () => {
    const texts = visibleTexts(routedCard(aRouted()));

    expect(texts).toEqual(
      expect.arrayContaining(['Doorgestuurd door Sanne de Vries naar Het Kompas om 08:02', 'HWC-7F3K', 'Heerlen']),
    );
  });

  it('adds the date when it was forwarded on a later day than it was sent', () => {
    expect(visibleTexts(routedCard(aRouted({ at: '2026-03-11T07:05:00.000Z' })))).toContain(
      'Doorgestuurd door Sanne de Vries naar Het Kompas op 11-03-2026 om 08:05',
    );
  });

  it('has no buttons', () => {
    expect(actionsOf(routedCard(aRouted()))).toEqual([]);
  });

  it('speaks English for an English user', () => {
    expect(visibleTexts(routedCard(aRouted({ locale: 'en' })))).toContain('Forwarded by Sanne de Vries to Het Kompas at 08:02');
  });
});

describe("the leerplicht officers' card once one found no school", () => {
  it('says Geen school gevonden with the reason, who and when', () => {
    const texts = visibleTexts(routeClosedCard(aRouteClosed({ reason: 'outside_region' })));

    expect(texts).toEqual(
      expect.arrayContaining(['Geen school gevonden (buiten de regio) — door Sanne de Vries om 08:02', 'HWC-7F3K', 'Heerlen']),
    );
    expect(actionsOf(routeClosedCard(aRouteClosed()))).toEqual([]);
  });

  it('speaks English for an English user', () => {
    expect(visibleTexts(routeClosedCard(aRouteClosed({ locale: 'en' })))).toContain(
      'No school found (moved away) — by Sanne de Vries at 08:02',
    );
  });
});

describe("a school's contact cards after Niet onze leerling", () => {
  it('say who sent it back and when, and that the child data is gone', () => {
    const texts = visibleTexts(withdrawnCard(aWithdrawn()));

    expect(texts).toEqual(
      expect.arrayContaining([
        'Teruggestuurd: niet onze leerling — door Anouk Jansen om 08:12.',
        'De gegevens van het kind zijn van deze kaart verwijderd.',
        'HWC-7F3K',
        'Basisschool De Regenboog',
      ]),
    );
    expect(actionsOf(withdrawnCard(aWithdrawn()))).toEqual([]);
  });

  it('speak English for an English user', () => {
    expect(visibleTexts(withdrawnCard(aWithdrawn({ locale: 'en' })))).toContain('Sent back: not our pupil — by Anouk Jansen at 08:12.');
  });
});

describe('the notice to the Veilig Thuis worker that a school sent a signal back', () => {
  it('names the school and the reference, and offers to let leerplicht find the school', () => {
    const card = bouncedNoticeCard(aBouncedNotice({ signalId: 'sig-42' }));
    const texts = visibleTexts(card);

    expect(texts).toEqual(
      expect.arrayContaining(['Teruggestuurd door Basisschool De Regenboog: niet onze leerling', 'HWC-7F3K', '10-03-2026 08:12']),
    );
    expect(texts.join('\n')).toMatch(/nieuw signaal versturen met \*\*signaal\*\*/);
    expect(actionsOf(card)).toEqual([
      {
        type: 'Action.Execute',
        verb: 'signal.to_leerplicht',
        title: 'Laat leerplicht Heerlen de school zoeken',
        data: { signalId: 'sig-42' },
        associatedInputs: 'none',
      },
    ]);
  });

  it('once handed to leerplicht, says when and has no button', () => {
    const card = bouncedNoticeCard(aBouncedNotice({ rerouted: { at: '2026-03-10T07:30:00.000Z' } }));

    expect(visibleTexts(card)).toContain('Doorgestuurd naar leerplicht om 08:30');
    expect(visibleTexts(card).join('\n')).not.toMatch(/nieuw signaal/);
    expect(actionsOf(card)).toEqual([]);
  });

  it('speaks English for an English user', () => {
    const card = bouncedNoticeCard(aBouncedNotice({ locale: 'en' }));

    expect(visibleTexts(card)).toContain('Sent back by Basisschool De Regenboog: not our pupil');
    expect(actionsOf(card)[0]?.title).toBe('Let the attendance officer of Heerlen find the school');
  });
});

describe('the notice to the Veilig Thuis worker that no school was found', () => {
  it('says Geen school gevonden, by reference, with the reason, who and when', () => {
    const card = unroutableNoticeCard(anUnroutableNotice({ reason: 'not_compulsory' }));
    const texts = visibleTexts(card);

    expect(texts[0]).toBe('Geen school gevonden');
    expect(texts).toEqual(
      expect.arrayContaining(['HWC-7F3K', 'Niet leerplichtig', 'Heerlen', 'Sanne de Vries', '10-03-2026 08:02']),
    );
    expect(actionsOf(card)).toEqual([]);
  });

  it('speaks English for an English user', () => {
    expect(visibleTexts(unroutableNoticeCard(anUnroutableNotice({ locale: 'en' })))).toEqual(
      expect.arrayContaining(['No school found', 'Outside the region']),
    );
  });
});
