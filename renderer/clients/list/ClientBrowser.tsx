import { Badge, Group, Paper, Switch, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../../shared/clients/client';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { useDates } from '../../hooks/useDates';
import { bornAndAge } from '../born';
import { clientName } from '../client-text';
import classes from './ClientBrowser.module.css';
import type { ClientPages } from './useClientPages';

const rowHeight = 60;

interface Props {
  text: string;
  onText: (text: string) => void;
  includeArchived: boolean;
  onIncludeArchived: (value: boolean) => void;
  pages: ClientPages;
  onOpen: (clientId: string) => void;
}

/**
 * The search box and the list it drives, as one combobox: typing searches, ↑/↓ (and Page Up/Down)
 * move through the matches, Enter opens the highlighted client (or the first). Only the rows in
 * view are in the page, each page of 60 is fetched by offset when it scrolls near.
 */
export function ClientBrowser({ text, onText, includeArchived, onIncludeArchived, pages, onOpen }: Props) {
  const { t } = useTranslation();
  const dates = useDates();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(-1);
  const total = pages.total ?? 0;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensure } = pages;
  useEffect(() => {
    if (total > 0) ensure(first, last);
  }, [ensure, first, last, total]);

  // Enter pressed while the search was still on its way opens the first match when it arrives.
  const enterPending = useRef(false);
  const latest = useRef({ row: pages.row, onOpen });
  useEffect(() => {
    latest.current = { row: pages.row, onOpen };
  });
  // A new answer starts at its top, with nothing highlighted.
  useEffect(() => {
    setActive(-1);
    virtualizer.scrollToOffset(0);
    if (enterPending.current) {
      enterPending.current = false;
      const first = latest.current.row(0);
      if (first) latest.current.onOpen(first.id);
    }
  }, [pages.key, virtualizer]);

  const move = (to: number) => {
    if (total === 0) return;
    const next = Math.min(total - 1, Math.max(0, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 8) / rowHeight) - 1);
    switch (event.key) {
      case 'ArrowDown':
        move(active + 1);
        break;
      case 'ArrowUp':
        move(active - 1);
        break;
      case 'PageDown':
        move(active + page);
        break;
      case 'PageUp':
        move(active - page);
        break;
      case 'Enter': {
        if (pages.searching) {
          enterPending.current = true;
          break;
        }
        const client = pages.row(active >= 0 ? active : 0);
        if (client) onOpen(client.id);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  };

  const optionId = (index: number) => `client-option-${index}`;
  const activeId = active >= 0 && pages.row(active) ? optionId(active) : undefined;

  return (
    <Paper withBorder bg="white" p={0} className={classes.frame}>
      <Group p="md" gap="lg" wrap="nowrap" className={classes.toolbar}>
        <TextInput
          className={classes.search}
          size="lg"
          value={text}
          onChange={(event) => onText(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          leftSection={<IconSearch size={20} stroke={1.6} aria-hidden />}
          placeholder={t('clients.searchPlaceholder')}
          aria-label={t('clients.searchLabel')}
          aria-describedby="client-search-hint"
          autoComplete="off"
          spellCheck={false}
          data-autofocus
          role="combobox"
          aria-controls="client-results"
          aria-expanded
          aria-autocomplete="list"
          aria-activedescendant={activeId}
        />
        <Switch checked={includeArchived} onChange={(event) => onIncludeArchived(event.currentTarget.checked)} label={t('clients.showArchived')} />
      </Group>
      <span id="client-search-hint" className="sl-sr-only">
        {t('clients.searchHint')}
      </span>
      <ErrorAlert error={pages.error} />
      <div className={classes.head} aria-hidden>
        <span>{t('clients.columns.name')}</span>
        <span>{t('clients.columns.born')}</span>
        <span>{t('clients.columns.phone')}</span>
        <span>{t('clients.columns.email')}</span>
      </div>
      <div
        ref={scrollRef}
        className={classes.scroll}
        id="client-results"
        role="listbox"
        aria-label={t('clients.resultsLabel', { count: total })}
        aria-busy={pages.searching}
        tabIndex={total > 0 ? 0 : -1}
        onKeyDown={onKeyDown}
        aria-activedescendant={activeId}
      >
        {pages.total === 0 ? (
          <Text c="dimmed" p="xl" ta="center" role="status">
            {t('clients.noMatches', { text: text.trim() })}
          </Text>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const client = pages.row(item.index);
              return (
                <div
                  key={item.key}
                  className={classes.row}
                  style={{ height: item.size, transform: `translateY(${item.start}px)` }}
                  role="option"
                  id={optionId(item.index)}
                  aria-selected={item.index === active}
                  aria-setsize={total}
                  aria-posinset={item.index + 1}
                  data-active={item.index === active || undefined}
                  onClick={() => client && onOpen(client.id)}
                  onMouseMove={() => item.index !== active && setActive(item.index)}
                >
                  {client ? <ClientRow client={client} born={dates.day} /> : <span className={classes.placeholder}>{t('common.loading')}</span>}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </Paper>
  );
}

function ClientRow({ client, born }: { client: ClientSummary; born: (iso: string) => string }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={classes.name}>
        <span className={classes.fullName}>{clientName(client)}</span>
        {client.preferredName ? <span className={classes.preferred}>{t('clients.prefers', { name: client.preferredName })}</span> : null}
        {client.archived ? (
          <Badge size="md" variant="light" color="gray" c="dark.9" ml={8} style={{ textTransform: 'none' }}>
            {t('clients.archived')}
          </Badge>
        ) : null}
      </span>
      <span>{client.dateOfBirth ? bornAndAge(t, born, client.dateOfBirth) : <span className={classes.missing}>{t('common.none')}</span>}</span>
      <span>{client.phone || <span className={classes.missing}>{t('common.none')}</span>}</span>
      <span className={classes.email}>{client.email || <span className={classes.missing}>{t('common.none')}</span>}</span>
    </>
  );
}
