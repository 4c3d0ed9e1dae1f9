import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readClientList } from '../../../main/import/read-client-list';

const sample = 'First name,Last name,DOB\r\nZoë,Brontë,01/02/1985\r\nSøren,"Kierkegaard, Jr",5/5/1990\r\n';

describe('reading a client list from another system', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    for (const bytes of [Buffer.from(sample, 'utf8'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, 'utf8')])]) {
      const list = readClientList(bytes);
      expect(list.encoding).toBe('UTF-8');
      expect(list.headers).toEqual(['First name', 'Last name', 'DOB']);
      expect(list.rows.map((row) => row.cells)).toEqual([
        ['Zoë', 'Brontë', '01/02/1985'],
        ['Søren', 'Kierkegaard, Jr', '5/5/1990'],
      ]);
    }
  });

  it('reads UTF-16 with a byte-order mark, as Excel saves "Unicode text"', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(sample.replace(/,/g, '\t').replace('"Kierkegaard\t Jr"', 'Kierkegaard Jr'), 'utf-16le')]);
    const list = readClientList(bytes);
    expect(list.encoding).toBe('UTF-16LE');
    expect(list.delimiter).toBe('\t');
    expect(list.rows[0]!.cells[0]).toBe('Zoë');
  });

  it('reads Windows-1252 without a byte-order mark, as Excel saves "CSV" on Windows', () => {
    const text = 'Name;Date of birth;Notes\r\nZoë Brontë;01/02/1985;“likes” café €\r\n'.repeat(20);
    const list = readClientList(iconv.encode(text, 'windows-1252'));
    expect(list.encoding).toBe('WINDOWS-1252');
    expect(list.delimiter).toBe(';');
    expect(list.rows[0]!.cells).toEqual(['Zoë Brontë', '01/02/1985', '“likes” café €']);
  });

  it('reads a Western European list as Windows-1252 even where a detector guesses Central European', () => {
    const names = ['Søren Øberg', 'José García', 'François Lefèvre', 'Björn Nyström', 'Siobhán Ó Briain', 'Maëlle Schäfer'];
    const rows = ['Name;Date of birth', ...Array.from({ length: 600 }, (_, i) => `${names[i % names.length]};${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/19${60 + (i % 40)}`)];
    const list = readClientList(iconv.encode(rows.join('\r\n'), 'windows-1252'));
    expect(list.encoding).toBe('WINDOWS-1252');
    expect(new Set(list.rows.map((row) => row.cells[0]))).toEqual(new Set(names));
  });

  it('reads Cyrillic in Windows-1251, and UTF-16 saved without its mark', () => {
    const cyrillic = 'Имя;Фамилия\r\n' + Array.from({ length: 50 }, () => 'Анна;Иванова\r\nСергей;Петров\r\nОльга;Смирнова').join('\r\n');
    const list = readClientList(iconv.encode(cyrillic, 'windows-1251'));
    expect(list.rows[0]!.cells).toEqual(['Анна', 'Иванова']);
    const utf16 = readClientList(iconv.encode('First,Last\r\nZoë,Brontë\r\n', 'utf-16le'));
    expect(utf16.encoding).toBe('UTF-16LE');
    expect(utf16.rows[0]!.cells).toEqual(['Zoë', 'Brontë']);
  });

  it('gives the line a row starts on, past quoted cells over several lines and blank lines', () => {
    const list = readClientList(Buffer.from('Name,Notes\n"Anna Smith","two\nlines"\n\nBen Jones,x\n'));
    expect(list.rows.map((row) => row.line)).toEqual([2, 5]);
    expect(list.rows[0]!.cells[1]).toBe('two\nlines');
  });

  it('keeps formula-looking cells as the text they are', () => {
    const list = readClientList(Buffer.from('Name,Notes\nAnna Smith,"=HYPERLINK(""http://x"",""y"")"\n'));
    expect(list.rows[0]!.cells[1]).toBe('=HYPERLINK("http://x","y")');
  });

  it('refuses an empty file, a binary file, a huge file, a too-wide header and a broken quote in words', () => {
    expect(() => readClientList(Buffer.alloc(0))).toThrow('The file is empty.');
    expect(() => readClientList(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0, 0]))).toThrow(/not a text file/);
    const huge = Buffer.alloc(101 * 1024 * 1024, 0x61);
    expect(() => readClientList(huge)).toThrow(/over 100 MB/);
    expect(() => readClientList(Buffer.from(Array.from({ length: 600 }, (_, i) => `c${i}`).join(',') + '\n'))).toThrow(/600 columns/);
    expect(() => readClientList(Buffer.from('Name,Notes\nAnna,"never closed\n'))).toThrow(/quoted cell is never closed/);
  });
});
