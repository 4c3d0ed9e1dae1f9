/**
 * A time of day as people type it at a desk: "9:05", "0905", "9.05", "14:30", "2:30 pm",
 * "930", "12am". Returns "HH:MM" (24-hour, what the record keeps), null for empty, or undefined when
 * the text is not a time. Every screen shows times in 24-hour form, so "2:30" is 02:30, not a
 * guess at the afternoon; "pm" says so when meant.
 */
export function parseTypedTime(text: string): string | null | undefined {
  const trimmed = text.trim().toLowerCase();
  if (!trimmed) return null;
  const match = /^(\d{1,2})(?:[:.h ]?(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/.exec(trimmed);
  if (!match) return undefined;
  let hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  const half = match[3]?.startsWith('p') ? 'pm' : match[3]?.startsWith('a') ? 'am' : null;
  if (minutes > 59) return undefined;
  if (half) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (half === 'pm' ? 12 : 0);
  } else if (hours > 23) {
    return undefined;
  }
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
