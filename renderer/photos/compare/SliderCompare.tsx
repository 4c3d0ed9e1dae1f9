import { ReactCompareSlider } from 'react-compare-slider';
import type { ComparedPhoto, SecondPhotoAdjust } from './compared-photo';
import classes from './Compare.module.css';
import { PhotoCaption } from './PhotoCaption';
import { PhotoPlate } from './PhotoPlate';

/** One frame, the first photo on the left of a handle and the second on the right; drag or use the arrow keys. */
export function SliderCompare({ first, second, adjust, label }: { first: ComparedPhoto; second: ComparedPhoto; adjust: SecondPhotoAdjust; label: string }) {
  return (
    <div className={`${classes.stage} ${classes.captioned}`} role="group" aria-label={label}>
      <PhotoCaption text={first.caption} side="start" />
      <PhotoCaption text={second.caption} side="end" />
      <ReactCompareSlider style={{ width: '100%', height: '100%' }} itemOne={<PhotoPlate photo={first} />} itemTwo={<PhotoPlate photo={second} adjust={adjust} />} keyboardIncrement="5%" />
    </div>
  );
}
