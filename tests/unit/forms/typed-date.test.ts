import { describe, expect, it } from 'vitest';
import { parseTypedDate } from '../../../renderer/forms/typed-date';

describe('a date typed in the clinic order', () => {
  it('reads the same digits as different days in a UK and a US clinic', () => {
    expect(parseTypedDate('03/02/1990', 'DD/MM/YYYY')).toBe('1990-02-03');
    expect(parseTypedDate('03/02/1990', 'MM/DD/YYYY')).toBe('1990-03-02');
  });

  it('always reads year-first dates as year, month, day', () => {
    expect(parseTypedDate('1990-02-03', 'MM/DD/YYYY')).toBe('1990-02-03');
    expect(parseTypedDate('1990.2.3', 'DD/MM/YYYY')).toBe('1990-02-03');
  });

  it('refuses days that are not in the calendar', () => {
    expect(parseTypedDate('31/02/2024', 'DD/MM/YYYY')).toBeUndefined();
    expect(parseTypedDate('29/02/2023', 'DD/MM/YYYY')).toBeUndefined();
    expect(parseTypedDate('29/02/2024', 'DD/MM/YYYY')).toBe('2024-02-29');
    expect(parseTypedDate('3/2/90', 'DD/MM/YYYY')).toBeUndefined();
  });

  it('reads an empty field as no date', () => {
    expect(parseTypedDate('', 'DD/MM/YYYY')).toBeNull();
  });
});
