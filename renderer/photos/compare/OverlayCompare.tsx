import { Slider, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparedPhoto, SecondPhotoAdjust } from './compared-photo';
import classes from './Compare.module.css';
import { PhotoCaption } from './PhotoCaption';
import { PhotoPlate } from './PhotoPlate';

/** Onion skin: the second photo over the first at an opacity the practitioner sets. */
export function OverlayCompare({ first, second, adjust, label }: { first: ComparedPhoto; second: ComparedPhoto; adjust: SecondPhotoAdjust; label: string }) {
  const { t } = useTranslation();
  const [opacity, setOpacity] = useState(50);
  const sliderLabel = useId();
  return (
    <div className={`${classes.stage} ${classes.captioned}`} role="group" aria-label={label}>
      <PhotoCaption text={first.caption} side="start" />
      <PhotoCaption text={second.caption} side="end" />
      <div className={classes.layer}>
        <PhotoPlate photo={first} />
      </div>
      <div className={classes.layer} style={{ opacity: opacity / 100 }}>
        <PhotoPlate photo={second} adjust={adjust} />
      </div>
      <Stack gap={4} className={classes.opacityBar}>
        <Text id={sliderLabel} size="sm" fw={500}>
          {t('photos.compare.overlayOpacity', { percent: opacity })}
        </Text>
        <Slider value={opacity} onChange={setOpacity} min={0} max={100} step={5} label={(value) => `${value}%`} thumbProps={{ 'aria-labelledby': sliderLabel }} color="sage" />
      </Stack>
    </div>
  );
}
