import { describe, expect, it } from 'vitest';
import { parseTypedTime } from '../../../renderer/forms/typed-time';

describe('a time typed at the desk', () => {
  it.each([
    ['9:05', '09:05'],
    ['09:05', '09:05'],
    ['0905', '09:05'],
    ['930', '09:30'],
    ['9.05', '09:05'],
    ['14:30', '14:30'],
    ['14h30', '14:30'],
    ['2:30 pm', '14:30'],
    ['2:30pm', '14:30'],
    ['2 pm', '14:00'],
    ['12am', '00:00'],
    ['12:15 pm', '12:15'],
    ['11:59 p.m.', '23:59'],
    ['0:00', '00:00'],
    ['23:59', '23:59'],
  ])('reads "%s" as %s', (typed, expected) => {
    expect(parseTypedTime(typed)).toBe(expected);
  });

  it('reads an empty field as no time', () => {
    expect(parseTypedTime('   ')).toBeNull();
  });

  it.each(['24:00', '9:60', '13 pm', '0 am', 'noon', '12345', '9:5', '12:30:15', '-1:00', '٩:٣٠'])('refuses "%s" rather than guessing', (typed) => {
    expect(parseTypedTime(typed)).toBeUndefined();
  });
});
