import { Badge, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Photo } from '../../../shared/photos/photo';
import { warmText } from '../../clients/badge-colors';
import { useDates } from '../../hooks/useDates';
import { useBoxSize } from '../compare/useBoxSize';
import { photoAlt, viewText } from '../photo-text';
import { galleryRows, moveInGrid, type GridKey } from './gallery-rows';
import classes from './PhotoGrid.module.css';
import { useThumbnails } from './useThumbnails';

const cellWidth = 190;
const groupHeight = 44;
const photoRowHeight = 206;
const gridKeys: readonly string[] = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'];

/**
 * The client's photos as a virtual grid of thumbnails under a heading per session: only the rows
 * on screen exist, and only their thumbnails are fetched. Arrow keys, Home/End and Page Up/Down
 * move between photos; Enter or a double click opens one.
 */
export function PhotoGrid({ photos, onOpen, label }: { photos: readonly Photo[]; onOpen: (photo: Photo) => void; label: string }) {
  const { t } = useTranslation();
  const dates = useDates();
  const scroller = useRef<HTMLDivElement>(null);
  const { width } = useBoxSize(scroller);
  const columns = Math.max(1, Math.floor((width - 8) / cellWidth));
  const { rows, order } = useMemo(() => galleryRows(photos, columns), [photos, columns]);
  const [active, setActive] = useState(0);
  const cells = useRef(new Map<number, HTMLDivElement>());
  const focusWanted = useRef(false);
  const { urls, want } = useThumbnails();

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (rows[index]?.kind === 'group' ? groupHeight : photoRowHeight),
    overscan: 3,
  });
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    const ids = items.flatMap((item) => {
      const row = rows[item.index];
      return row?.kind === 'photos' ? row.photos.map((photo) => photo.id) : [];
    });
    want(ids);
  }, [items, rows, want]);

  useEffect(() => {
    if (active >= order.length) setActive(Math.max(0, order.length - 1));
  }, [active, order.length]);

  useEffect(() => {
    if (!focusWanted.current) return;
    focusWanted.current = false;
    cells.current.get(active)?.focus();
  });

  const move = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const photo = order[index];
      if (photo) onOpen(photo);
      return;
    }
    if (!gridKeys.includes(event.key)) return;
    event.preventDefault();
    const next = moveInGrid(rows, order.length, index, event.key as GridKey);
    const rowIndex = rows.findIndex((row) => row.kind === 'photos' && next >= row.start && next < row.start + row.photos.length);
    if (rowIndex >= 0) virtualizer.scrollToIndex(rowIndex, { align: 'auto' });
    focusWanted.current = true;
    setActive(next);
  };

  return (
    <div ref={scroller} className={classes.scroller} role="grid" aria-label={label} aria-rowcount={rows.length} aria-describedby="photo-grid-keys">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = rows[item.index]!;
          return (
            <div key={row.key} role="row" aria-rowindex={item.index + 1} className={classes.row} style={{ transform: `translateY(${item.start}px)`, height: item.size }}>
              {row.kind === 'group' ? (
                <div role="columnheader" className={classes.group}>
                  <Text fw={600} size="sm">
                    {row.sessionNumber ? t('photos.gallery.sessionGroup', { number: row.sessionNumber, date: dates.dayOf(row.at) }) : t('photos.gallery.dayGroup', { date: dates.dayOf(row.at) })}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('photos.gallery.count', { count: row.count })}
                  </Text>
                </div>
              ) : (
                row.photos.map((photo, column) => {
                  const index = row.start + column;
                  const url = urls.get(photo.id);
                  return (
                    <div
                      key={photo.id}
                      ref={(element) => {
                        if (element) cells.current.set(index, element);
                        else cells.current.delete(index);
                      }}
                      role="gridcell"
                      tabIndex={index === active ? 0 : -1}
                      aria-selected={index === active}
                      className={classes.cell}
                      onFocus={() => setActive(index)}
                      onKeyDown={(event) => move(event, index)}
                      onDoubleClick={() => onOpen(photo)}
                      onClick={() => setActive(index)}
                    >
                      <div className={classes.thumb}>
                        {url ? <img src={url} alt={photoAlt(t, dates, photo)} /> : <span className={classes.placeholder} aria-label={t('common.loading')} role="img" />}
                        {photo.consentOverride ? (
                          <Badge className={classes.mark} size="xs" variant="white" c={warmText}>
                            {t('photos.export.withoutConsentMark')}
                          </Badge>
                        ) : null}
                      </div>
                      <Text size="xs" fw={600} mt={4} truncate>
                        {t(`photos.stages.${photo.stage}`)} · {viewText(t, photo)}
                      </Text>
                      <Text size="xs" c="dimmed" truncate>
                        {dates.dateTime(photo.takenAt)}
                      </Text>
                    </div>
                  );
                })
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
