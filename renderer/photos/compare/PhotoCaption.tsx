import classes from './Compare.module.css';

/** The stage, date and session written on a photo, at the start or end of the top edge. */
export function PhotoCaption({ text, side }: { text: string; side: 'start' | 'end' }) {
  return (
    <div className={`${classes.caption} ${side === 'start' ? classes.captionStart : classes.captionEnd}`} title={text}>
      {text}
    </div>
  );
}
