import { createSpotlight } from '@mantine/spotlight';

/**
 * The Ctrl/Cmd+K search's own store, so the search can mark the first client found as the one
 * Enter opens when the answer arrives after the typing (Mantine selects only on each keystroke).
 */
export const [commandStore, commandSpotlight] = createSpotlight();

/** Selects the first result if nothing is selected yet (the answer came after the last keystroke). */
export function selectFirstIfNone(): void {
  const state = commandStore.getState();
  const list = state.listId ? document.getElementById(state.listId) : null;
  if (!list || list.querySelector('[data-selected]')) return;
  const first = list.querySelector('[data-action]');
  if (!first) return;
  first.setAttribute('data-selected', 'true');
  commandStore.updateState((current) => ({ ...current, selected: 0 }));
}

/** Marks the first result as the one Enter opens, as Mantine does after each keystroke. */
function selectFirst(): void {
  const state = commandStore.getState();
  const list = state.listId ? document.getElementById(state.listId) : null;
  if (!list) return;
  list.querySelector('[data-selected]')?.removeAttribute('data-selected');
  const first = list.querySelector('[data-action]');
  first?.setAttribute('data-selected', 'true');
  commandStore.updateState((current) => ({ ...current, selected: first ? 0 : -1 }));
}

/** Sets the query from outside the search field (keys typed before it had focus). */
export function setQueryFromOutside(query: string): void {
  commandStore.updateState((current) => ({ ...current, query }));
  // After React has rendered the results for the new query.
  requestAnimationFrame(selectFirst);
}

/** Opens the result marked selected, if any. */
export function openSelected(): void {
  const state = commandStore.getState();
  const selected = state.listId ? document.querySelector<HTMLElement>(`#${state.listId} [data-selected]`) : null;
  selected?.click();
}
