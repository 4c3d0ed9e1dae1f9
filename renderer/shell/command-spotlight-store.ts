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
