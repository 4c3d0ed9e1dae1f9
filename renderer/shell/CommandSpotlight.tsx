import { Spotlight, type SpotlightActionData, type SpotlightActionGroupData } from '@mantine/spotlight';
import { useDebouncedValue } from '@mantine/hooks';
import { IconHome, IconKey, IconLock, IconSearch, IconSettings, IconUser, IconUserPlus, IconUsers, IconUsersGroup, IconZoomScan } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../shared/clients/client';
import { useSession } from '../app/session-context';
import { call } from '../bridge/client';
import { bornAndAge } from '../clients/born';
import { clientName } from '../clients/client-text';
import { useDates } from '../hooks/useDates';
import classes from './CommandSpotlight.module.css';
import { commandSpotlight, commandStore, openSelected, selectFirstIfNone, setQueryFromOutside } from './command-spotlight-store';
import { useNavigation } from './navigation';
import { clientPrefix, spotlightFilter } from './spotlight-filter';
import { useTypeAhead } from './useTypeAhead';

const searchFieldId = 'command-search';

/** Unmarks the selected result, so Mantine's own Enter handling that follows opens nothing. */
function unselect(): void {
  const state = commandStore.getState();
  const list = state.listId ? document.getElementById(state.listId) : null;
  list?.querySelector('[data-selected]')?.removeAttribute('data-selected');
  commandStore.updateState((current) => ({ ...current, selected: -1 }));
}

/**
 * Ctrl/Cmd+K: jump anywhere by typing, or find a client by name, phone, email or date of birth
 * and press Enter to open them. Opens from inside text fields too (keyboard first).
 */
export function CommandSpotlight() {
  const { t } = useTranslation();
  const { staff, lock } = useSession();
  const { go } = useNavigation();
  const dates = useDates();
  const isAdmin = staff.role === 'admin';
  const [query, setQuery] = useState('');
  const [typed] = useDebouncedValue(query.trim(), 120);
  const [clients, setClients] = useState<{ text: string; list: ClientSummary[] }>({ text: '', list: [] });
  // Spotlight keeps its open state in a module-level store; locking unmounts the app, and the
  // search must not greet the next person already open (with the last query in it).
  useEffect(() => () => commandSpotlight.close(), []);

  useEffect(() => {
    if (!typed) return;
    let current = true;
    call('clients.find', { text: typed, offset: 0, limit: 8 })
      .then((result) => {
        if (current) setClients({ text: typed, list: result.clients });
      })
      .catch(() => undefined);
    return () => {
      // A later keystroke's answer wins; this one is dropped when it arrives.
      current = false;
    };
  }, [typed]);

  const actions = useMemo<(SpotlightActionData | SpotlightActionGroupData)[]>(() => {
    const icon = (Icon: typeof IconHome) => <Icon size={22} stroke={1.6} aria-hidden />;
    const places: SpotlightActionData[] = [
      { id: 'home', label: t('nav.home'), description: t('spotlight.homeHint'), leftSection: icon(IconHome), onClick: () => go({ page: 'home' }) },
      { id: 'clients', label: t('nav.clients'), description: t('spotlight.clientsHint'), leftSection: icon(IconUsers), onClick: () => go({ page: 'clients' }) },
      { id: 'new-client', label: t('clients.new'), description: t('spotlight.newClientHint'), leftSection: icon(IconUserPlus), onClick: () => go({ page: 'clientForm' }) },
    ];
    if (staff.role !== 'reception') {
      places.push({ id: 'lot-recall', label: t('nav.lotRecall'), description: t('spotlight.lotRecallHint'), leftSection: icon(IconZoomScan), onClick: () => go({ page: 'lotRecall' }) });
    }
    places.push({ id: 'settings', label: t('nav.settings'), description: t('spotlight.settingsHint'), leftSection: icon(IconSettings), onClick: () => go({ page: 'settings' }) });
    if (isAdmin) {
      places.push({
        id: 'staff',
        label: t('settings.tabs.staff'),
        description: t('spotlight.staffHint'),
        leftSection: icon(IconUsersGroup),
        onClick: () => go({ page: 'settings', settingsTab: 'staff' }),
      });
    }
    places.push(
      {
        id: 'password',
        label: t('shell.changeMyPassword'),
        description: t('spotlight.passwordHint'),
        leftSection: icon(IconKey),
        onClick: () => go({ page: 'settings', settingsTab: 'password' }),
      },
      { id: 'lock', label: t('shell.lock'), description: t('spotlight.lockHint'), leftSection: icon(IconLock), onClick: () => lock('shortcut') },
    );
    const found = query.trim() && clients.text === typed ? clients.list : [];
    const people: SpotlightActionData[] = found.map((client) => {
      const born = client.dateOfBirth ? bornAndAge(t, dates.day, client.dateOfBirth) : '';
      return {
        id: `${clientPrefix}${client.id}`,
        label: clientName(client),
        description: [client.preferredName ? t('clients.prefers', { name: client.preferredName }) : '', born, client.phone].filter(Boolean).join(' · '),
        leftSection: icon(IconUser),
        onClick: () => go({ page: 'client', clientId: client.id }),
      };
    });
    return people.length > 0
      ? [
          { group: t('spotlight.clientsGroup'), actions: people },
          { group: t('spotlight.placesGroup'), actions: places },
        ]
      : places;
  }, [t, go, lock, isAdmin, staff.role, clients, typed, query, dates]);

  // Enter pressed before the client search answered what was typed waits for that answer, so it
  // opens the client typed rather than whichever place happened to be listed first meanwhile.
  const enterWaiting = useRef(false);
  const picked = useRef(false);
  const latest = useRef({ query, typed, clients });
  latest.current = { query, typed, clients };
  const answered = useCallback(() => {
    const now = latest.current;
    const text = now.query.trim();
    return text === '' || (text === now.typed && now.clients.text === now.typed);
  }, []);
  /** Returns whether Enter may go ahead now; otherwise it is kept until the answer arrives. */
  const enterNow = useCallback(() => {
    // Nothing typed (say the letters went astray): Enter opens nothing rather than the first
    // place, unless a place was picked with the arrow keys.
    if (latest.current.query.trim() === '') {
      if (picked.current) return true;
      unselect();
      return false;
    }
    if (answered()) {
      selectFirstIfNone();
      return true;
    }
    enterWaiting.current = true;
    unselect();
    return false;
  }, [answered]);

  useEffect(() => {
    picked.current = false;
    if (!query.trim()) enterWaiting.current = false;
  }, [query]);

  // Clients found after the last keystroke: the first is the one Enter opens.
  useEffect(() => {
    requestAnimationFrame(() => {
      if (clients.list.length > 0) selectFirstIfNone();
      if (enterWaiting.current && answered()) {
        enterWaiting.current = false;
        selectFirstIfNone();
        openSelected();
      }
    });
  }, [clients, answered]);

  const setBoth = useCallback((next: (current: string) => string) => {
    const text = next(latest.current.query);
    latest.current = { ...latest.current, query: text };
    setQuery(text);
    setQueryFromOutside(text);
  }, []);

  useTypeAhead({
    isOpen: () => commandStore.getState().opened,
    fieldId: searchFieldId,
    append: (letter) => setBoth((current) => current + letter),
    removeLast: () => setBoth((current) => current.slice(0, -1)),
    enter: () => {
      if (enterNow()) requestAnimationFrame(() => openSelected());
    },
  });

  return (
    <Spotlight
      store={commandStore}
      actions={actions}
      filter={spotlightFilter}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      nothingFound={t('spotlight.nothingFound')}
      highlightQuery
      scrollable
      maxHeight={480}
      title={t('spotlight.title')}
      classNames={{ header: classes.header, action: classes.action, actionDescription: classes.actionDescription, actionsGroup: classes.group }}
      searchProps={{
        leftSection: <IconSearch size={20} stroke={1.6} aria-hidden />,
        id: searchFieldId,
        placeholder: t('spotlight.placeholder'),
        'aria-label': t('spotlight.searchLabel'),
        // Letters typed before the field had focus are already in it: carry on after them.
        onFocus: (event) => {
          const end = event.currentTarget.value.length;
          event.currentTarget.setSelectionRange(end, end);
        },
        // Runs before Mantine's own Enter handling, which opens whatever is marked selected.
        onKeyDown: (event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') picked.current = true;
          if (event.key === 'Enter' && !event.nativeEvent.isComposing) enterNow();
        },
      }}
    />
  );
}
