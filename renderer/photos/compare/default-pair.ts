import type { Photo } from '../../../shared/photos/photo';

/**
 * The pair a comparison opens with. Photos arrive oldest first. Given one photo: it, against the
 * latest other photo of the same view. Otherwise: the first "before" photo against the latest of
 * the same view: the whole course at a glance.
 */
export function defaultPair(photos: readonly Photo[], firstId: string | null, secondId: string | null): { firstId: string; secondId: string } | null {
  if (photos.length < 2) return null;
  const byId = new Map(photos.map((photo) => [photo.id, photo]));
  const first = (firstId ? byId.get(firstId) : undefined) ?? photos.find((photo) => photo.stage === 'before') ?? photos[0]!;
  const givenSecond = secondId ? byId.get(secondId) : undefined;
  if (givenSecond && givenSecond.id !== first.id) return { firstId: first.id, secondId: givenSecond.id };
  const others = photos.filter((photo) => photo.id !== first.id);
  const sameView = others.filter((photo) => photo.view === first.view && photo.area === first.area);
  const second = sameView.at(-1) ?? others.at(-1)!;
  return { firstId: first.id, secondId: second.id };
}
