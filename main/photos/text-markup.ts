/**
 * Text for libvips' text renderer (Pango markup), with every emoji set in the bundled Noto Emoji.
 * DejaVu has few emoji and Pango's own fallback finds none on a computer without an emoji font,
 * so "Zoë 🌸" came out with an empty box; naming the emoji font on each emoji run fixes that on
 * every computer. A run is a pictograph or a flag with what joins it (joiners, variation
 * selectors, skin tones, tags), or a keycap. Letters and symbols below U+0100 (© ®) stay in
 * DejaVu, which has them.
 */
const emojiRun =
  /[#*0-9]\uFE0F?\u20E3|(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\u200D|\uFE0E|\uFE0F|\u20E3|[\u{1F3FB}-\u{1F3FF}]|[\u{E0020}-\u{E007F}]|(?<=\u200D)\p{Extended_Pictographic}|(?<=\p{Regional_Indicator})\p{Regional_Indicator})*/gu;

function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** `text` escaped for Pango markup, each emoji run in a span naming `emojiFamily`. */
export function markupWithEmojiFont(text: string, emojiFamily: string): string {
  let markup = '';
  let at = 0;
  for (const match of text.matchAll(emojiRun)) {
    if (match[0].codePointAt(0)! < 0x100 && !match[0].endsWith('\u20E3')) continue;
    markup += escapeMarkup(text.slice(at, match.index));
    markup += `<span font_family="${escapeMarkup(emojiFamily)}">${escapeMarkup(match[0])}</span>`;
    at = match.index + match[0].length;
  }
  return markup + escapeMarkup(text.slice(at));
}
