import { useEffect, useState } from 'react';
import type { BridgeError } from '../../shared/errors';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';

/** Decrypted bytes as a blob: URL: the only way pixels reach an <img>; nothing touches disk. */
export function blobUrl(bytes: Uint8Array, mimeType: string): string {
  return URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }));
}

export interface LoadedPreview {
  url: string;
  width: number;
  height: number;
}

/** One photo's preview (~1600 px) while the screen shows it; the URL is revoked when it closes or the photo changes. */
export function usePreview(photoId: string | null): { preview: LoadedPreview | null; error: BridgeError | null } {
  const [preview, setPreview] = useState<LoadedPreview | null>(null);
  const [error, setError] = useState<BridgeError | null>(null);
  useEffect(() => {
    setPreview(null);
    setError(null);
    if (!photoId) return;
    let url: string | null = null;
    let cancelled = false;
    call('photos.preview', { id: photoId })
      .then((image) => {
        if (cancelled) return;
        url = blobUrl(image.bytes, image.mimeType);
        setPreview({ url, width: image.width, height: image.height });
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(asBridgeError(failure));
      });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [photoId]);
  return { preview, error };
}
