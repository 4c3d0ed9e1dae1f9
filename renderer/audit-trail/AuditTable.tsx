import { Paper, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditTrailRow } from '../../shared/contract/audit-channels';
import { ErrorAlert } from '../errors/ErrorAlert';
import type { Dates } from '../hooks/useDates';
import { actionLabel } from './action-label';
import classes from './AuditTable.module.css';
import { readableDetail } from './readable-detail';
import type { AuditPages } from './useAuditPages';

const rowHeight = 44;

/**
 * The trail as a table whose rows exist in the page only while in view: 100,000 rows scroll as
 * smoothly as 100. The next page of 200 is fetched as the last loaded row comes near.
 */
export function AuditTable({ pages, dates }: { pages: AuditPages; dates: Dates }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = pages.total ?? 0;
  // The rows loaded so far, and one "loading" row below them while older rows remain.
  const count = pages.loaded + (pages.more ? 1 : 0);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1]?.index ?? 0;
  const { ensure } = pages;
  useEffect(() => {
    if (count > 0) ensure(last);
  }, [ensure, last, count]);
  useEffect(() => {
    if (pages.total === null) virtualizer.scrollToOffset(0);
  }, [pages.total, virtualizer]);

  return (
    <Paper withBorder bg="white" p={0} className={classes.frame}>
      <ErrorAlert error={pages.error} />
      <div role="table" aria-label={t('auditTrail.tableLabel')} aria-rowcount={pages.totalAtLeast || pages.total === null ? -1 : total + 1} aria-busy={pages.loading}>
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className={classes.head}>
            <span role="columnheader">{t('auditTrail.columns.time')}</span>
            <span role="columnheader">{t('auditTrail.columns.staff')}</span>
            <span role="columnheader">{t('auditTrail.columns.action')}</span>
            <span role="columnheader">{t('auditTrail.columns.record')}</span>
            <span role="columnheader">{t('auditTrail.columns.detail')}</span>
          </div>
        </div>
        <div
          ref={scrollRef}
          className={classes.scroll}
          role="rowgroup"
          tabIndex={total > 0 ? 0 : -1}
          aria-label={pages.totalAtLeast ? t('auditTrail.countMoreThan', { count: total }) : t('auditTrail.count', { count: total })}
        >
          {pages.total === 0 ? (
            <Text c="dimmed" p="xl" ta="center" role="status">
              {t('auditTrail.noRows')}
            </Text>
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const row = pages.row(item.index);
                return (
                  <div key={item.key} role="row" aria-rowindex={item.index + 2} className={classes.row} style={{ height: item.size, transform: `translateY(${item.start}px)` }}>
                    {row ? (
                      <AuditCells row={row} dates={dates} />
                    ) : (
                      <span role="cell" className={classes.placeholder}>
                        {t('common.loading')}
                      </span>
                    )}
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
    </Paper>
  );
}

function AuditCells({ row, dates }: { row: AuditTrailRow; dates: Dates }) {
  const { t } = useTranslation();
  const named = !row.purged && row.entityName !== null;
  const record = row.purged
    ? t('auditTrail.purgedClient')
    : row.entityName !== null
      ? row.entity === 'consent' || row.entity === 'photo'
        ? t(`auditTrail.clientsThing.${row.entity}`, { name: row.entityName })
        : row.entityName
      : row.entity && row.entityId
        ? `${row.entity} ${row.entityId.slice(0, 8)}`
        : '';
  const clientNamed = named && (row.entity === 'client' || row.entity === 'consent' || row.entity === 'photo');
  return (
    <>
      <span role="cell" title={row.at}>
        {dates.dateTime(row.at)}
      </span>
      <span role="cell">{row.staffName ?? <span className={classes.muted}>{t('auditTrail.nobody')}</span>}</span>
      <span role="cell" title={row.action}>
        {actionLabel(row.action)}
      </span>
      <span role="cell" title={row.entityId ?? undefined} className={row.purged ? classes.muted : undefined}>
        {record}
      </span>
      <span role="cell" className={classes.detail} title={row.detail}>
        {readableDetail(row.detail, clientNamed)}
      </span>
    </>
  );
}
