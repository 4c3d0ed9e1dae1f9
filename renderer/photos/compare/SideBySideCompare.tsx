import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconZoomIn, IconZoomOut, IconZoomReset } from '@tabler/icons-react';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TransformComponent, TransformWrapper, type ReactZoomPanPinchContentRef, type ReactZoomPanPinchRef } from 'react-zoom-pan-pinch';
import type { ComparedPhoto, SecondPhotoAdjust } from './compared-photo';
import classes from './Compare.module.css';
import { PhotoCaption } from './PhotoCaption';
import { PhotoPlate } from './PhotoPlate';

const fill = { width: '100%', height: '100%' } as const;

/**
 * The two photos next to each other with ONE zoom and pan: whatever is done to either pane is
 * applied to the other, so the same patch of skin stays under the eye in both.
 */
export function SideBySideCompare({ first, second, adjust, label }: { first: ComparedPhoto; second: ComparedPhoto; adjust: SecondPhotoAdjust; label: string }) {
  const { t } = useTranslation();
  const firstPane = useRef<ReactZoomPanPinchContentRef>(null);
  const secondPane = useRef<ReactZoomPanPinchContentRef>(null);
  const panes = [firstPane, secondPane] as const;

  const follow = useCallback(
    (from: 0 | 1) => (_ref: ReactZoomPanPinchRef, state: { scale: number; positionX: number; positionY: number }) => {
      const other = (from === 0 ? secondPane : firstPane).current;
      if (!other) return;
      const now = other.instance.state;
      // Already there: this is the echo of our own update, so the two panes do not chase each other.
      if (Math.abs(now.scale - state.scale) < 1e-4 && Math.abs(now.positionX - state.positionX) < 0.5 && Math.abs(now.positionY - state.positionY) < 0.5) return;
      void other.setTransform(state.positionX, state.positionY, state.scale, 0);
    },
    [],
  );

  const pane = (index: 0 | 1, photo: ComparedPhoto, photoAdjust?: SecondPhotoAdjust) => (
    <div className={`${classes.pane} ${classes.captioned}`} data-testid={`compare-pane-${index + 1}`}>
      <PhotoCaption text={photo.caption} side="start" />
      <TransformWrapper ref={panes[index]} onTransform={follow(index)} minScale={1} maxScale={8} doubleClick={{ mode: 'toggle', step: 1 }} wheel={{ step: 0.15 }}>
        <TransformComponent wrapperStyle={fill} contentStyle={fill}>
          <PhotoPlate photo={photo} adjust={photoAdjust} />
        </TransformComponent>
      </TransformWrapper>
    </div>
  );

  return (
    <div role="group" aria-label={label} className={classes.pairWrap}>
      <Group gap={4} className={classes.zoomBar}>
        <Tooltip label={t('photos.compare.zoomIn')}>
          <ActionIcon variant="default" size="lg" aria-label={t('photos.compare.zoomIn')} onClick={() => void panes[0].current?.zoomIn(0.5, 0)}>
            <IconZoomIn size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('photos.compare.zoomOut')}>
          <ActionIcon variant="default" size="lg" aria-label={t('photos.compare.zoomOut')} onClick={() => void panes[0].current?.zoomOut(0.5, 0)}>
            <IconZoomOut size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('photos.compare.zoomReset')}>
          <ActionIcon variant="default" size="lg" aria-label={t('photos.compare.zoomReset')} onClick={() => void panes[0].current?.resetTransform(0)}>
            <IconZoomReset size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Group>
      <div className={classes.pair}>
        {pane(0, first)}
        {pane(1, second, adjust)}
      </div>
    </div>
  );
}
