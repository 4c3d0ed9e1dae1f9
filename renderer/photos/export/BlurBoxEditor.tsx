import { useRef, useState, type PointerEvent } from 'react';
import type { BlurBox } from '../../../shared/photos/comparison-export';
import { containRect, type BoxPoint, type Rect, type Size } from '../compare/photo-frame';
import { useBoxSize } from '../compare/useBoxSize';
import classes from './BlurBoxEditor.module.css';

type Which = BlurBox['photo'];

/** A box drawn by dragging, as fractions of the photo (clamped to it). */
function boxBetween(start: BoxPoint, end: BoxPoint, rect: Rect, photo: Which): BlurBox | null {
  const clampX = (x: number) => Math.min(1, Math.max(0, (x - rect.x) / rect.width));
  const clampY = (y: number) => Math.min(1, Math.max(0, (y - rect.y) / rect.height));
  const x1 = clampX(Math.min(start.x, end.x));
  const x2 = clampX(Math.max(start.x, end.x));
  const y1 = clampY(Math.min(start.y, end.y));
  const y2 = clampY(Math.max(start.y, end.y));
  // A click, not a drag: too small to hide anything.
  if (x2 - x1 < 0.02 || y2 - y1 < 0.02) return null;
  return { photo, x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

/**
 * One photo on which boxes are dragged out over the eyes or the face; they are shown blurred
 * here and the main side blurs the same areas in the export (only there: the stored photo stays).
 */
export function BlurBoxEditor({ photo, url, label, boxes, onAdd }: { photo: Which; url: string; label: string; boxes: readonly BlurBox[]; onAdd: (box: BlurBox) => void }) {
  const pane = useRef<HTMLDivElement>(null);
  const size = useBoxSize(pane);
  const [natural, setNatural] = useState<Size | null>(null);
  const [drag, setDrag] = useState<{ start: BoxPoint; end: BoxPoint } | null>(null);
  const rect = natural ? containRect(natural, size) : null;

  const at = (event: PointerEvent<HTMLDivElement>): BoxPoint => {
    const bounds = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - bounds.left, y: event.clientY - bounds.top };
  };
  const shown = (box: Pick<BlurBox, 'x' | 'y' | 'width' | 'height'>) =>
    rect ? { left: rect.x + box.x * rect.width, top: rect.y + box.y * rect.height, width: box.width * rect.width, height: box.height * rect.height } : undefined;
  const pending = drag && rect ? boxBetween(drag.start, drag.end, rect, photo) : null;

  return (
    <div
      ref={pane}
      className={classes.pane}
      role="group"
      aria-label={label}
      data-testid={`blur-${photo}`}
      onPointerDown={(event) => {
        if (!rect) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        const point = at(event);
        setDrag({ start: point, end: point });
      }}
      onPointerMove={(event) => drag && setDrag({ ...drag, end: at(event) })}
      onPointerUp={(event) => {
        if (drag && rect) {
          const box = boxBetween(drag.start, at(event), rect, photo);
          if (box) onAdd(box);
        }
        setDrag(null);
      }}
    >
      <img src={url} alt="" draggable={false} className={classes.photo} onLoad={(event) => setNatural({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })} />
      {boxes.map((box, index) => (
        <div key={index} className={classes.box} style={shown(box)} />
      ))}
      {pending ? <div className={`${classes.box} ${classes.pending}`} style={shown(pending)} /> : null}
    </div>
  );
}
