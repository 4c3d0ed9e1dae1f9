import { useEffect, useState } from 'react';
import { brightnessFactor, meanLuminance } from './brightness';

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('image'));
    image.src = url;
  });
}

/** The brightness() factor that brings the second preview to the first's mean brightness (1 when off). */
export function useBrightnessMatch(firstUrl: string | null, secondUrl: string | null, enabled: boolean): number {
  const [factor, setFactor] = useState(1);
  useEffect(() => {
    setFactor(1);
    if (!enabled || !firstUrl || !secondUrl) return;
    let cancelled = false;
    Promise.all([loadImage(firstUrl), loadImage(secondUrl)])
      .then(([first, second]) => {
        if (!cancelled) setFactor(brightnessFactor(meanLuminance(first), meanLuminance(second)));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [firstUrl, secondUrl, enabled]);
  return factor;
}
