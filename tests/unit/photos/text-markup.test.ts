import { describe, expect, it } from 'vitest';
import { markupWithEmojiFont } from '../../../main/photos/text-markup';

const wrap = (emoji: string) => `<span font_family="Noto Emoji">${emoji}</span>`;

describe('comparison labels in Pango markup', () => {
  it('sets each emoji in the emoji font and leaves letters in any script alone', () => {
    expect(markupWithEmojiFont('Zoë 🌸 Nguyễn', 'Noto Emoji')).toBe(`Zoë ${wrap('🌸')} Nguyễn`);
    expect(markupWithEmojiFont('Клиника ✨', 'Noto Emoji')).toBe(`Клиника ${wrap('✨')}`);
    expect(markupWithEmojiFont('Plain · Front · 04/03/2025', 'Noto Emoji')).toBe('Plain · Front · 04/03/2025');
    expect(markupWithEmojiFont('© Clinic ®', 'Noto Emoji')).toBe('© Clinic ®');
  });

  it('keeps a joined family, a skin tone, a flag and a keycap each in one run', () => {
    expect(markupWithEmojiFont('👩‍👩‍👧!', 'Noto Emoji')).toBe(`${wrap('👩‍👩‍👧')}!`);
    expect(markupWithEmojiFont('👋🏽 hi', 'Noto Emoji')).toBe(`${wrap('👋🏽')} hi`);
    expect(markupWithEmojiFont('🇬🇧🇫🇷', 'Noto Emoji')).toBe(`${wrap('🇬🇧🇫🇷')}`);
    expect(markupWithEmojiFont('Room 1️⃣', 'Noto Emoji')).toBe(`Room ${wrap('1️⃣')}`);
    expect(markupWithEmojiFont('❤️ care', 'Noto Emoji')).toBe(`${wrap('❤️')} care`);
  });

  it('escapes markup, so a name cannot change the label', () => {
    expect(markupWithEmojiFont('<b>A & B</b> "x" 🌸', 'Noto Emoji')).toBe(`&lt;b&gt;A &amp; B&lt;/b&gt; &quot;x&quot; ${wrap('🌸')}`);
  });
});
