import { useEffect, useState } from 'react';

/** A blob: URL for bytes in memory, revoked when the bytes change or the screen closes. */
export function useObjectUrl(bytes: Uint8Array | null, type: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!bytes || !type) {
      setUrl(null);
      return;
    }
    const next = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [bytes, type]);
  return url;
}
