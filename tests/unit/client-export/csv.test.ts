import { describe, expect, it } from 'vitest';
import { csvCell, csvFile, csvRecords, csvText } from '../../../shared/csv';

describe('the one CSV writer', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+44 7700', "'+44 7700"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['\n=1+2', `"'\n=1+2"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
  ])('%j starts like a formula (or a line break) and is defused as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    ['plain', 'plain'],
    ['Nguyễn, Zoë', '"Nguyễn, Zoë"'],
    ['said "fine"', '"said ""fine"""'],
    ['two\nlines', '"two\nlines"'],
    ['1+1', '1+1'],
    ['a-b', 'a-b'],
    ['', ''],
  ])('%j is kept as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes rows with CRLF line ends', () => {
    expect(
      csvText([
        ['a', 'b'],
        ['1', '=2'],
      ]),
    ).toBe("a,b\r\n1,'=2\r\n");
  });

  it('writes named cells with one column per name, in the order first seen', () => {
    expect(
      csvRecords([
        { Name: 'Zoë', Note: 'said "fine"\nthen left' },
        { Name: 'Ana', Extra: '-1' },
      ]),
    ).toBe('Name,Note,Extra\r\nZoë,"said ""fine""\nthen left",\r\nAna,,\'-1\r\n');
  });

  it('starts a file with a byte-order mark, so spreadsheets read UTF-8', () => {
    expect(csvFile('a\r\n')).toBe('\uFEFFa\r\n');
  });
});
