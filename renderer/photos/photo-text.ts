import type { TFunction } from 'i18next';
import type { Photo } from '../../shared/photos/photo';
import type { Dates } from '../hooks/useDates';

/** "Front" or, for a close-up, "Close-up: cheeks". */
export function viewText(t: TFunction, photo: Pick<Photo, 'view' | 'area'>): string {
  return photo.view === 'close-up' && photo.area ? t('photos.closeUpOf', { area: t(`areas.${photo.area}`) }) : t(`photos.views.${photo.view}`);
}

/** "Session 2" or "No session". */
export function sessionText(t: TFunction, photo: Pick<Photo, 'sessionNumber'>): string {
  return photo.sessionNumber ? t('photos.sessionNumber', { number: photo.sessionNumber }) : t('photos.noSession');
}

/** The label written on a photo: "Before · Front · 03/03/2026 · Session 1". */
export function photoCaption(t: TFunction, dates: Dates, photo: Photo): string {
  return [t(`photos.stages.${photo.stage}`), viewText(t, photo), dates.dayOf(photo.takenAt), sessionText(t, photo)].join(' · ');
}

/** What a screen reader hears for the picture itself. */
export function photoAlt(t: TFunction, dates: Dates, photo: Photo): string {
  return t('photos.alt', { caption: photoCaption(t, dates, photo) });
}
