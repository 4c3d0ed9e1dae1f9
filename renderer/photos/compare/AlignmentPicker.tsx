import { Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconTrash } from '@tabler/icons-react';
import { useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparedPhoto, PairPoints } from './compared-photo';
import classes from './Compare.module.css';
import { PhotoCaption } from './PhotoCaption';
import { PhotoPlate } from './PhotoPlate';
import type { PhotoPoint } from '../../../shared/photos/alignment';
import { containRect, toBox, toPhoto, type Size } from './photo-frame';
import { useBoxSize } from './useBoxSize';

type Side = 'first' | 'second';

/**
 * Two matching points on each photo (the pupils, say): click point 1 then point 2 on the first
 * photo, the same two on the second. Numbered markers show what was picked; Undo takes back the
 * last click. When all four are there the second photo can be lined up with the first.
 */
export function AlignmentPicker({
  first,
  second,
  initial,
  onDone,
  onCancel,
  saving,
}: {
  first: ComparedPhoto;
  second: ComparedPhoto;
  initial: PairPoints | null;
  onDone: (points: PairPoints) => void;
  onCancel: () => void;
  saving?: boolean;
}) {
  const { t } = useTranslation();
  const [points, setPoints] = useState<{ first: PhotoPoint[]; second: PhotoPoint[] }>(() => ({ first: [...(initial?.first ?? [])], second: [...(initial?.second ?? [])] }));
  const [order, setOrder] = useState<Side[]>(() => (initial ? ['first', 'first', 'second', 'second'] : []));
  const complete = points.first.length === 2 && points.second.length === 2;

  const add = (side: Side, point: PhotoPoint) => {
    if (points[side].length >= 2) return;
    setPoints((old) => ({ ...old, [side]: [...old[side], point] }));
    setOrder((old) => [...old, side]);
  };
  const undo = () => {
    const side = order.at(-1);
    if (!side) return;
    setPoints((old) => ({ ...old, [side]: old[side].slice(0, -1) }));
    setOrder((old) => old.slice(0, -1));
  };
  const clear = () => {
    setPoints({ first: [], second: [] });
    setOrder([]);
  };

  return (
    <Stack gap="sm">
      <Text size="sm">{t('photos.align.howTo')}</Text>
      <div className={classes.pair}>
        <PickPane side="first" photo={first} points={points.first} onPick={add} />
        <PickPane side="second" photo={second} points={points.second} onPick={add} />
      </div>
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('photos.align.progress', { first: points.first.length, second: points.second.length })}
      </Text>
      <Group justify="space-between">
        <Group gap="xs">
          <Button variant="default" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={undo} disabled={order.length === 0}>
            {t('photos.align.undo')}
          </Button>
          <Button variant="subtle" color="gray" leftSection={<IconTrash size={16} aria-hidden />} onClick={clear} disabled={order.length === 0}>
            {t('photos.align.clear')}
          </Button>
        </Group>
        <Group gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!complete} loading={saving ?? false} onClick={() => complete && onDone({ first: [points.first[0]!, points.first[1]!], second: [points.second[0]!, points.second[1]!] })}>
            {t('photos.align.apply')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

function PickPane({ side, photo, points, onPick }: { side: Side; photo: ComparedPhoto; points: PhotoPoint[]; onPick: (side: Side, point: PhotoPoint) => void }) {
  const { t } = useTranslation();
  const pane = useRef<HTMLDivElement>(null);
  const box = useBoxSize(pane);
  const [natural, setNatural] = useState<Size | null>(null);
  const rect = natural ? containRect(natural, box) : null;

  const pick = (event: MouseEvent<HTMLDivElement>) => {
    if (!rect || !pane.current) return;
    const bounds = pane.current.getBoundingClientRect();
    const point = toPhoto({ x: event.clientX - bounds.left, y: event.clientY - bounds.top }, rect);
    // A click on the dark margin beside the photo is not a point on the face.
    if (point) onPick(side, point);
  };

  return (
    <div
      ref={pane}
      className={`${classes.pane} ${classes.picking}`}
      onClick={pick}
      data-testid={`align-${side}`}
      aria-label={t(side === 'first' ? 'photos.align.firstPane' : 'photos.align.secondPane')}
      role="group"
    >
      <PhotoCaption text={photo.caption} side="start" />
      <PhotoPlate photo={photo} onImage={(image) => setNatural({ width: image.naturalWidth, height: image.naturalHeight })} />
      {rect
        ? points.map((point, index) => {
            const at = toBox(point, rect);
            return (
              <span key={index} className={classes.marker} style={{ left: at.x, top: at.y }} aria-label={t('photos.align.marker', { number: index + 1 })} role="img">
                {index + 1}
              </span>
            );
          })
        : null}
    </div>
  );
}
