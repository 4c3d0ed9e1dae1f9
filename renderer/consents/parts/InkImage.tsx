import { useEffect, useState } from 'react';
import type { Ink } from '../../../shared/consents/ink';

/** A drawn signature or initials shown back as the picture the PDF will carry (a blob: URL, freed when it goes). */
export function InkImage({ ink, alt, height }: { ink: Ink; alt: string; height: number }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const made = URL.createObjectURL(new Blob([ink.png as Uint8Array<ArrayBuffer>], { type: 'image/png' }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [ink]);
  if (!url) return null;
  return <img src={url} alt={alt} style={{ height, width: 'auto', maxWidth: '100%', display: 'block' }} />;
}
