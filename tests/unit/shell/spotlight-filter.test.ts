import { describe, expect, it } from 'vitest';
import { placeMatches, spotlightFilter } from '../../../renderer/shell/spotlight-filter';

const places = [
  { id: 'home', label: 'Home', description: 'Start page' },
  { id: 'settings', label: 'Settings', description: 'Clinic details, staff and your password' },
  { id: 'lock', label: 'Lock', description: 'Hide the records until your password is entered' },
];
const clients = [{ id: 'client:1', label: 'Anna Lopez', description: '' }];

describe('Ctrl+K search filter', () => {
  it('matches places by the start of a word, accents folded', () => {
    expect(placeMatches('pass', 'Settings', 'your password')).toBe(true);
    expect(placeMatches('SÉT', 'Settings', '')).toBe(true);
    expect(placeMatches('ett', 'Settings', '')).toBe(false);
    expect(placeMatches('lock page', 'Lock', 'Hide the page')).toBe(true);
  });

  it('shows every place and no client when nothing is typed', () => {
    const found = spotlightFilter('', [...clients, ...places]);
    expect(found.map((item) => ('id' in item ? item.id : ''))).toEqual(['home', 'settings', 'lock']);
  });

  it('under a client match, hides places that do not match what was typed', () => {
    const found = spotlightFilter('anna', [
      { group: 'Clients', actions: clients },
      { group: 'Go to', actions: places },
    ]);
    expect(found).toEqual([{ group: 'Clients', actions: clients }]);
    const lo = spotlightFilter('lo', [
      { group: 'Clients', actions: clients },
      { group: 'Go to', actions: places },
    ]);
    expect(lo).toEqual([
      { group: 'Clients', actions: clients },
      { group: 'Go to', actions: [places[2]] },
    ]);
  });

  it('finds nothing for text that only sits inside a place name', () => {
    expect(spotlightFilter('ocal', places)).toEqual([]);
  });
});
