import type { AdaptiveCard } from '../../cards/adaptive-card';
import { leerplichtStatusCard } from '../../cards/leerplicht-status-card';
import { statusCard } from '../../cards/status-card';
import type { StatusRow } from '../../cards/view-models';
import type { StatusStep } from '../../src/domain/routing';
import type { SignalState } from '../../src/domain/signal';
import { elementsOf, visibleTexts } from './card-walk';
import { aLeerplichtStatus, aStatus, ISSUED_AT } from './views';

/** Each signal's texts, one list per signal block, in reading order. */
const blocksOf = (card: AdaptiveCard): string[][] =>
  elementsOf(card)
    .filter((e) => e.type === 'Container')
    .map((block) => visibleTexts({ ...card, body: [block] }));

const aRow = (over: Partial<StatusRow>): StatusRow => ({ reference: 'HWC-2222', state: 'issued', at: ISSUED_AT, steps: [], ...over });

describe("the worker's status card", () => {
  it('lists each signal by reference and state, then its steps in order with times', () => {
    const card = statusCard(aStatus());

    expect(visibleTexts(card)[0]).toBe('Jouw signalen van de afgelopen 14 dagen');
    expect(blocksOf(card)).toEqual([
      ['HWC-7F3K — verstuurd', '10-03 07:45', 'verstuurd naar Basisschool De Regenboog'],
      [
        'HWC-9QXZ — gezien door school',
        '08-03 21:30',
        'verstuurd',
        '08-03 21:30',
        'bij leerplicht',
        '09-03 09:10',
        'doorgestuurd naar Het Kompas',
        '09-03 19:05',
        'gezien',
      ],
      [
        'HWC-MMT4 — steun vastgelegd',
        '01-03 20:00',
        'verstuurd',
        '02-03 08:20',
        'teruggestuurd door Basisschool De Regenboog',
        '02-03 08:40',
        'bij leerplicht',
        '02-03 09:00',
        'doorgestuurd naar Het Kompas',
        '02-03 09:30',
        'gezien',
        '02-03 11:00',
        'steun vastgelegd',
      ],
    ]);
  });

  it('pairs each time with its step', () => {
    const factSets = elementsOf(statusCard(aStatus())).filter((e) => e.type === 'FactSet');

    expect(factSets[1]?.facts).toContainEqual({ title: '09-03 09:10', value: 'doorgestuurd naar Het Kompas' });
  });

  it.each<[SignalState, string]>([
    ['awaiting_routing', 'bij leerplicht'],
    ['issued', 'verstuurd'],
    ['delivered', 'verstuurd'],
    ['acknowledged', 'gezien door school'],
    ['supported', 'steun vastgelegd'],
    ['bounced', 'teruggestuurd'],
    ['unroutable', 'geen school gevonden'],
  ])('calls the state %s "%s"', (state, words) => {
    expect(blocksOf(statusCard(aStatus({ rows: [aRow({ state })] })))[0]?.[0]).toBe(`HWC-2222 — ${words}`);
  });

  it.each<[StatusStep, string | undefined, string]>([
    ['issued', undefined, 'verstuurd'],
    ['issued', 'Het Kompas', 'verstuurd naar Het Kompas'],
    ['to_leerplicht', undefined, 'bij leerplicht'],
    ['forwarded', 'Het Kompas', 'doorgestuurd naar Het Kompas'],
    ['acknowledged', undefined, 'gezien'],
    ['supported', undefined, 'steun vastgelegd'],
    ['bounced', 'Het Kompas', 'teruggestuurd door Het Kompas'],
    ['unroutable', undefined, 'geen school gevonden'],
    ['forwarded', undefined, 'doorgestuurd'],
    ['bounced', undefined, 'teruggestuurd'],
  ])('words the step %s (school %s) as "%s"', (step, schoolName, words) => {
    const steps = [{ step, at: ISSUED_AT, ...(schoolName ? { schoolName } : {}) }];

    expect(blocksOf(statusCard(aStatus({ rows: [aRow({ steps })] })))[0]?.slice(1)).toEqual(['10-03 07:45', words]);
  });

  it('still says where a signal stands and since when if no step was recorded', () => {
    const card = statusCard(aStatus({ rows: [aRow({ state: 'awaiting_routing', at: '2026-03-10T08:00:00.000Z' })] }));

    expect(blocksOf(card)).toEqual([['HWC-2222 — bij leerplicht', '10-03 09:00', 'bij leerplicht']]);
  });

  it('says kindly that there is nothing when the list is empty, for the days asked', () => {
    const texts = visibleTexts(statusCard(aStatus({ rows: [], days: 7 })));

    expect(texts).toEqual(['Jouw signalen van de afgelopen 7 dagen', 'Je hebt de afgelopen 7 dagen geen signalen verstuurd.']);
  });

  it('speaks English for an English user', () => {
    const blocks = blocksOf(statusCard(aStatus({ locale: 'en' })));

    expect(blocks[1]).toEqual([
      'HWC-9QXZ — seen by school',
      '08-03 21:30',
      'sent',
      '08-03 21:30',
      'with the attendance officer',
      '09-03 09:10',
      'forwarded to Het Kompas',
      '09-03 19:05',
      'seen',
    ]);
  });
});

describe("the leerplicht officer's status card", () => {
  it('lists what waits to be forwarded: reference, municipality, when sent, and who sent it back', () => {
    const card = leerplichtStatusCard(aLeerplichtStatus());

    expect(visibleTexts(card)[0]).toBe('Wachten op doorsturen');
    expect(blocksOf(card)).toEqual([
      ['HWC-7F3K', 'Gemeente', 'Heerlen', 'Verstuurd op', '10-03-2026 07:45'],
      ['HWC-9QXZ', 'Gemeente', 'Heerlen', 'Verstuurd op', '09-03-2026 19:05', 'Teruggestuurd door', 'Het Kompas'],
    ]);
    expect(visibleTexts(card).at(-1)).toMatch(/referentie/);
  });

  it('says kindly that nothing waits when the list is empty', () => {
    expect(visibleTexts(leerplichtStatusCard(aLeerplichtStatus({ rows: [] })))).toEqual([
      'Wachten op doorsturen',
      'Er wachten nu geen signalen op jou.',
    ]);
  });

  it('speaks English for an English user', () => {
    const texts = visibleTexts(leerplichtStatusCard(aLeerplichtStatus({ locale: 'en' })));

    expect(texts).toEqual(expect.arrayContaining(['Waiting to be forwarded', 'Municipality', 'Sent back by']));
  });
});
