import { ageInYears, amsterdamDay, parseCalendarDate, toDutchDate } from '../../../src/domain/calendar-date';
import { NAME_MAX_LENGTH, checkBirthDate, checkName } from '../../../src/domain/child';

describe('a child name', () => {
  it.each([
    ['diacritics', 'Zoë Ångström-Çelik'],
    ['a hyphen', 'Sanne-Lotte'],
    ['a straight apostrophe inside', "D'Angelo"],
    ['a typographic apostrophe inside', 'D’Angelo'],
    ['spaces and a tussenvoegsel', "van 't Hoff"],
    ['letters of other scripts', 'Łukasz Błaszczykowski'],
    ['exactly the maximum length', 'A'.repeat(NAME_MAX_LENGTH)],
  ])('is accepted with %s', (_what, name) => {
    expect(checkName(name)).toEqual({ value: name });
  });

  it('is trimmed and keeps single spaces between words', () => {
    expect(checkName('  van   der  Berg ')).toEqual({ value: 'van der Berg' });
  });

  it('is stored in composed form, so the same name typed two ways is the same text', () => {
    const decomposed = 'Zoe\u0308';
    expect(checkName(decomposed)).toEqual({ value: 'Zoë' });
  });

  it.each([
    ['empty', '', 'required'],
    ['only spaces', '   ', 'required'],
    ['missing', undefined, 'required'],
    ['one character too long', 'A'.repeat(NAME_MAX_LENGTH + 1), 'tooLong'],
    ['a digit', 'Noor2', 'characters'],
    ['an emoji', 'Noor 😀', 'characters'],
    ['a full stop', 'Noor.', 'characters'],
    ['markup', '<b>Noor</b>', 'characters'],
    ['a starting hyphen', '-Noor', 'characters'],
  ])('is refused when %s', (_what, name, problem) => {
    expect(checkName(name)).toEqual({ problem });
  });

  // Surnames such as 't Hart (Maarten 't Hart) begin with an apostrophe; the form must take them.
  it.each([["'t Hart"], ['’t Hooft']])('is accepted when a Dutch surname starts with an apostrophe: %s', (name) => {
    expect(checkName(name)).toEqual({ value: name });
  });
});

// Real names of children in Dutch schools: Dutch, Frisian and other European names, in their own
// spelling. Each must pass unchanged (they are typed here in composed form).
const REAL_NAMES = [
  'Jan', 'Sanne-Lotte', 'Anne-Marie', "van 't Hoff", "'t Hart", '’t Hooft', 'de Vries', 'van der Berg',
  'Zoë', 'Noël', 'Daniëlle', 'Chloë', 'IJsbrand', 'IJzerman', "D'Angelo", 'Ten Cate', 'Kuiper-Hoekstra',
  'Anaïs', 'Loïs', 'Sjoerd', 'Tsjerk', 'Jürgen Müller', 'Straßburger', 'François', 'Hélène', 'Maëlle',
  'Jean-Loïc', "O'Connor", 'Ó Súilleabháin', 'Siân', 'José María', 'Íñigo', 'Begoña', 'João',
  'Conceição', 'Łukasz', 'Żaneta', 'Brzęczyszczykiewicz', 'Dvořák', 'Jiří', 'Ștefan', 'Ayşe', 'Gülşen',
  'İlkay', 'Yıldız', 'Søren', 'Åsa', 'Erdős', 'Þórður', 'Guðrún', 'Đorđe', 'Šimić', 'Jānis', 'Ķēniņš',
  'Nguyễn', 'Γιώργος', 'Παπαδόπουλος', 'Владимир', 'Наталья', 'Ївга', 'Йорданова',
];

describe('a real name from the classroom', () => {
  it('the table holds at least 50 names', () => {
    expect(REAL_NAMES.length).toBeGreaterThanOrEqual(50);
  });

  it.each(REAL_NAMES.map((name) => [name]))('is accepted unchanged: %s', (name) => {
    expect(checkName(name)).toEqual({ value: name });
  });

  it.each(REAL_NAMES.map((name) => [name]))('is accepted when typed decomposed, and stored composed: %s', (name) => {
    expect(checkName(name.normalize('NFD'))).toEqual({ value: name });
  });
});

describe('a child name with invisible or confusable characters', () => {
  it.each([
    ['a Hangul filler (U+3164) after the name', 'Noor\u3164'],
    ['only a Hangul filler', '\u3164'],
    ['a Hangul filler between words', 'Noor\u3164Jansen'],
    ['a halfwidth Hangul filler (U+FFA0)', 'Noor\uFFA0'],
    ['a combining grapheme joiner (U+034F)', 'No\u034For'],
    ['a variation selector (U+FE0F)', 'Noor\uFE0F'],
    ['a supplementary variation selector (U+E0100)', 'Noor\u{E0100}'],
    ['a left-to-right mark', 'Noor\u200E'],
    ['a right-to-left override', '\u202EnooR'],
    ['a bidi isolate', 'Noor\u2066'],
    ['a zero-width space', 'No\u200Bor'],
    ['a zero-width joiner', 'No\u200Dor'],
    ['a soft hyphen', 'No\u00ADor'],
    ['a byte order mark', '\uFEFFNoor'],
    ['a Mongolian vowel separator', 'No\u180Eor'],
  ])('is refused as invisible when it holds %s', (_what, name) => {
    expect(checkName(name)).toEqual({ problem: 'invisible' });
  });

  it('is accepted with two combining marks on one letter', () => {
    expect(checkName('Ma\u0332\u0333rk')).toEqual({ value: 'Ma\u0332\u0333rk' });
  });

  it.each([
    ['three marks on one letter', 'Ma\u0332\u0333\u0334rk'],
    ['a pile of marks (Zalgo text)', 'N\u0336\u0337\u0338\u0339\u033Aoor'],
  ])('is refused with %s', (_what, name) => {
    expect(checkName(name)).toEqual({ problem: 'combiningMarks' });
  });

  it.each([
    ["a Cyrillic 'а' in a Latin name", 'P\u0430ul'],
    ["a Cyrillic 'А' starting a Latin name", '\u0410nna'],
    ["a Greek 'ο' in a Latin name", 'N\u03BFor'],
    ['a Latin ending on a Cyrillic name', 'Владимir'],
    ['a Latin and a Cyrillic word', 'Anna Иванова'],
  ])('is refused as mixed scripts with %s', (_what, name) => {
    expect(checkName(name)).toEqual({ problem: 'mixedScripts' });
  });

  it.each([['Иванова'], ['Ελένη'], ['Άννα-Μαρία']])('is accepted in one non-Latin script: %s', (name) => {
    expect(checkName(name)).toEqual({ value: name });
  });
});

describe('a birth date', () => {
  const today = '2026-03-02';

  it('is refused when the day does not exist', () => {
    expect(checkBirthDate('2023-02-30', today)).toEqual({ problem: 'invalid' });
  });

  it.each([['14-05-2016'], ['2016-5-14'], ['2016-05-14T00:00:00Z'], ['gisteren']])('is refused when not written as YYYY-MM-DD: %s', (raw) => {
    expect(checkBirthDate(raw, today)).toEqual({ problem: 'invalid' });
  });

  it('is required', () => {
    expect(checkBirthDate(undefined, today)).toEqual({ problem: 'required' });
    expect(checkBirthDate('  ', today)).toEqual({ problem: 'required' });
  });

  it('is refused when it lies in the future', () => {
    expect(checkBirthDate('2026-03-03', today)).toEqual({ problem: 'invalid' });
  });

  it('is accepted for a child who turns 2 today', () => {
    expect(checkBirthDate('2024-03-02', today)).toEqual({ value: '2024-03-02' });
  });

  it('is too young for a child who turns 2 tomorrow', () => {
    expect(checkBirthDate('2024-03-03', today)).toEqual({ problem: 'tooYoung' });
  });

  it('is too young for a child born today', () => {
    expect(checkBirthDate(today, today)).toEqual({ problem: 'tooYoung' });
  });

  it('is accepted for a young adult of 23 years and 364 days', () => {
    expect(checkBirthDate('2002-03-03', today)).toEqual({ value: '2002-03-03' });
  });

  it('is too old for someone who turns 24 today', () => {
    expect(checkBirthDate('2002-03-02', today)).toEqual({ problem: 'tooOld' });
  });
});

describe('calendar dates', () => {
  it('names the Amsterdam day, which starts an hour before midnight UTC in winter', () => {
    expect(amsterdamDay(new Date('2026-03-02T22:59:59.999Z'))).toBe('2026-03-02');
    expect(amsterdamDay(new Date('2026-03-02T23:00:00.000Z'))).toBe('2026-03-03');
  });

  it('names the Amsterdam day, which starts two hours before midnight UTC in summer', () => {
    expect(amsterdamDay(new Date('2026-07-01T21:59:59.999Z'))).toBe('2026-07-01');
    expect(amsterdamDay(new Date('2026-07-01T22:00:00.000Z'))).toBe('2026-07-02');
  });

  it('names the right day asked again within one hour, across a day boundary and on the nights the clocks change', () => {
    const days = ['2026-07-01T21:00:00Z', '2026-07-01T21:59:59.999Z', '2026-07-01T22:00:00Z', '2026-07-01T21:30:00Z', '2026-03-28T23:30:00Z', '2026-03-29T00:30:00Z', '2026-03-29T22:30:00Z', '2026-10-24T22:30:00Z', '2026-10-25T22:59:00Z', '2026-10-25T23:00:00Z'];

    expect(days.map((iso) => amsterdamDay(new Date(iso)))).toEqual(['2026-07-01', '2026-07-01', '2026-07-02', '2026-07-01', '2026-03-29', '2026-03-29', '2026-03-30', '2026-10-25', '2026-10-25', '2026-10-26']);
    expect(() => amsterdamDay(new Date('not a date'))).toThrow(RangeError);
  });

  it('writes a date as the Dutch do: dd-mm-jjjj', () => {
    expect(toDutchDate('2016-05-14')).toBe('14-05-2016');
    expect(toDutchDate('2009-12-01')).toBe('01-12-2009');
  });

  it('parses real days only, leap days included', () => {
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseCalendarDate('2023-02-29')).toBeUndefined();
    expect(parseCalendarDate('2023-13-01')).toBeUndefined();
    expect(parseCalendarDate('2023-00-10')).toBeUndefined();
    expect(parseCalendarDate('2023-04-31')).toBeUndefined();
  });

  it('counts whole years, with the birthday itself as the day a year is complete', () => {
    expect(ageInYears('2016-05-14', '2026-05-13')).toBe(9);
    expect(ageInYears('2016-05-14', '2026-05-14')).toBe(10);
    expect(ageInYears('2024-02-29', '2026-03-01')).toBe(2);
  });

  it('refuses to count years from a date that does not exist', () => {
    expect(() => ageInYears('2023-02-30', '2026-03-02')).toThrow(RangeError);
  });
});
