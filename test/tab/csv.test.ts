/** The tab's CSV export: what Excel opens, and no cell a spreadsheet would run as a formula. */
import { toCsv } from '../../web/tab/csv';

describe('toCsv', () => {
  it('starts with a byte-order mark, ends each line with CRLF, and uses the separator given', () => {
    expect(toCsv([['School', 'Signalen'], ['De Regenboog', '<3']], ';')).toBe('\uFEFFSchool;Signalen\r\nDe Regenboog;<3\r\n');
    expect(toCsv([['a', 'b']], ',')).toBe('\uFEFFa,b\r\n');
  });

  it('quotes a cell holding the separator, a quote or a line break', () => {
    expect(toCsv([['Kindcentrum "De Vlinder"; Heerlen', 'x\ny']], ';')).toBe('\uFEFF"Kindcentrum ""De Vlinder""; Heerlen";"x\ny"\r\n');
    expect(toCsv([['3 van 4, gezien']], ',')).toBe('\uFEFF"3 van 4, gezien"\r\n');
  });

  it('keeps a cell that starts like a formula from running: =, +, - and @ get an apostrophe', () => {
    expect(toCsv([['=HYPERLINK("x")', '+1', '-1', '@SUM(A1)', 'gewoon']], ';')).toBe(`\uFEFF"'=HYPERLINK(""x"")";'+1;'-1;'@SUM(A1);gewoon\r\n`);
  });
});
