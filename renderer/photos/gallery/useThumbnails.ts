import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../bridge/client';
import { blobUrl } from '../photo-url';

/** Thumbnails fetched a screenful at a time, as the grid scrolls; every URL revoked when the tab closes. */
export function useThumbnails() {
  const [urls, setUrls] = useState<ReadonlyMap<string, string>>(new Map());
  const asked = useRef(new Set<string>());
  const made = useRef<string[]>([]);
  const open = useRef(true);

  useEffect(() => {
    open.current = true;
    return () => {
      open.current = false;
      made.current.forEach((url) => URL.revokeObjectURL(url));
      made.current = [];
    };
  }, []);

  const want = useCallback((ids: readonly string[]) => {
    const missing = ids.filter((id) => !asked.current.has(id)).slice(0, 60);
    if (missing.length === 0) return;
    missing.forEach((id) => asked.current.add(id));
    call('photos.thumbnails', { ids: missing })
      .then((images) => {
        if (!open.current) return;
        const next = images.map((image) => [image.id, blobUrl(image.bytes, image.mimeType)] as const);
        made.current.push(...next.map(([, url]) => url));
        setUrls((old) => new Map([...old, ...next]));
      })
      .catch(() => missing.forEach((id) => asked.current.delete(id)));
  }, []);

  return { urls, want };
}
