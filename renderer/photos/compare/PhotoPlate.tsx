import { useRef, useState, type CSSProperties } from 'react';
import type { ComparedPhoto, SecondPhotoAdjust } from './compared-photo';
import { alignmentInBox, cssMatrix, type Size } from './photo-frame';
import { useBoxSize } from './useBoxSize';

/**
 * A photo shown whole in its box. The second photo of a pair may be lined up with the first
 * (a CSS transform from the two-point alignment) and brightness-matched (a CSS filter): both are
 * only how it is drawn, never a change to what is stored.
 */
export function PhotoPlate({
  photo,
  adjust,
  onImage,
  style,
}: {
  photo: ComparedPhoto;
  adjust?: SecondPhotoAdjust | undefined;
  onImage?: ((image: HTMLImageElement) => void) | undefined;
  style?: CSSProperties;
}) {
  const box = useRef<HTMLDivElement>(null);
  const size = useBoxSize(box);
  const [natural, setNatural] = useState<Size | null>(null);
  const transform = adjust?.points && adjust.firstNatural && natural ? alignmentInBox(adjust.points, adjust.firstNatural, natural, size) : null;
  const brightness = adjust && adjust.brightness !== 1 ? `brightness(${adjust.brightness.toFixed(3)})` : undefined;

  return (
    <div ref={box} style={{ position: 'relative', width: '100%', height: '100%', overflow: 'hidden', ...style }}>
      <img
        src={photo.url}
        alt={photo.alt}
        draggable={false}
        onLoad={(event) => {
          const image = event.currentTarget;
          setNatural({ width: image.naturalWidth, height: image.naturalHeight });
          onImage?.(image);
        }}
        style={{
          position: 'absolute',
          inset: 0,
          width: '100%',
          height: '100%',
          objectFit: 'contain',
          transformOrigin: '0 0',
          transform: transform ? cssMatrix(transform) : undefined,
          filter: brightness,
          userSelect: 'none',
        }}
      />
    </div>
  );
}
