import type { LandmarkPair } from '../../../shared/photos/alignment';
import type { Size } from './photo-frame';

/** One photo as a comparison shows it: a blob: URL of its preview and what to call it. */
export interface ComparedPhoto {
  url: string;
  /** Said to screen readers: which view, stage and date. */
  alt: string;
  /** The label on the photo: stage, date, session number. */
  caption: string;
}

/** Two matching points on each photo, as fractions of that photo. */
export interface PairPoints {
  first: LandmarkPair;
  second: LandmarkPair;
}

/** How the second photo is shown so it matches the first: lined up, and optionally as bright. */
export interface SecondPhotoAdjust {
  points: PairPoints | null;
  firstNatural: Size | null;
  /** The CSS brightness() factor; 1 leaves it as it is. */
  brightness: number;
}
