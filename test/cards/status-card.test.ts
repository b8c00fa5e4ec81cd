import { statusCard } from '../../cards/status-card';
import { elementsOf, visibleTexts } from './card-walk';
import { aStatus } from './views';

const rowsOf = (card: ReturnType<typeof statusCard>): string[][] =>
  elementsOf(card)
    .filter((e) => e.type === 'TableRow')
    .map((row) => visibleTexts({ ...card, body: [row] }));

describe("the worker's status card", () => {
  it('lists each signal with reference, school, state in words and when, under a header row', () => {
    const card = statusCard(aStatus());

    expect(visibleTexts(card)[0]).toBe('Jouw signalen van de afgelopen 14 dagen');
    expect(rowsOf(card)).toEqual([
      ['Referentie', 'School', 'Stand', 'Wanneer'],
      ['HWC-7F3K', 'Basisschool De Regenboog', 'verstuurd', '10-03 07:45'],
      ['HWC-9QXZ', 'Het Kompas', 'gezien door school', '09-03 19:05'],
      ['HWC-MMT4', 'Het Kompas', 'steun vastgelegd', '02-03 11:00'],
    ]);
  });

  it('calls a freshly issued signal verstuurd too', () => {
    const card = statusCard(aStatus({ rows: [{ reference: 'HWC-2222', schoolName: 'Het Kompas', state: 'issued', at: '2026-03-10T06:45:00.000Z' }] }));

    expect(rowsOf(card)[1]).toContain('verstuurd');
  });

  it('says kindly that there is nothing when the list is empty, for the days asked', () => {
    const texts = visibleTexts(statusCard(aStatus({ rows: [], days: 7 })));

    expect(texts).toEqual(['Jouw signalen van de afgelopen 7 dagen', 'Je hebt de afgelopen 7 dagen geen signalen verstuurd.']);
  });

  it('speaks English for an English user', () => {
    const card = statusCard(aStatus({ locale: 'en' }));

    expect(rowsOf(card)[2]).toEqual(['HWC-9QXZ', 'Het Kompas', 'seen by school', '09-03 19:05']);
  });
});
