import type { SpotlightActionData, SpotlightActionGroupData, SpotlightFilterFunction } from '@mantine/spotlight';
import { foldForSearch } from '../../shared/clients/client-search-fields';

export const clientPrefix = 'client:';

type Item = SpotlightActionData | SpotlightActionGroupData;

const isClient = (action: SpotlightActionData) => action.id.startsWith(clientPrefix);

/** Whether every typed word starts a word of the place's name or hint ("pass" finds "password"). */
export function placeMatches(query: string, label: string, description: string): boolean {
  const typedWords = foldForSearch(query).match(/[\p{L}\p{N}]+/gu) ?? [];
  if (typedWords.length === 0) return true;
  const words = foldForSearch(`${label} ${description}`).match(/[\p{L}\p{N}]+/gu) ?? [];
  return typedWords.every((typedWord) => words.some((word) => word.startsWith(typedWord)));
}

function keep(query: string, action: SpotlightActionData): boolean {
  if (isClient(action)) return query.trim().length > 0;
  return placeMatches(query, String(action.label ?? ''), String(action.description ?? ''));
}

/**
 * Places match when each typed word starts a word of their name or hint, accents folded, so a
 * client's name does not also bring up places that merely contain its letters. Clients come from
 * the main side's search and are shown as they are. Groups are filtered inside; an empty group goes.
 */
export const spotlightFilter: SpotlightFilterFunction = (query, actions) => {
  const kept: Item[] = [];
  for (const item of actions as Item[]) {
    if ('group' in item && 'actions' in item) {
      const inside = (item as SpotlightActionGroupData).actions.filter((action) => keep(query, action));
      if (inside.length > 0) kept.push({ ...item, actions: inside });
    } else if (keep(query, item as SpotlightActionData)) {
      kept.push(item);
    }
  }
  return kept;
};
