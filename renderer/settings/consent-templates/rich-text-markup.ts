import type { RichBlock, RichSpan } from '../../../shared/consents/template';

/**
 * Section text as the admin types it: paragraphs separated by an empty line, list items on
 * lines starting with "- ", and **bold** words. Turned into the template's structured text, so
 * nothing typed here can become markup in the window or the PDF.
 */
export function markupOf(blocks: readonly RichBlock[]): string {
  // Spans are joined as the screen shows them: a space between, none before punctuation.
  const spans = (list: readonly RichSpan[]) =>
    list
      .map((span) => span.text.trim())
      .map((text, index, all) => {
        const written = list[index]?.bold ? `**${text}**` : text;
        const next = all[index + 1];
        return next !== undefined && !/^[,.;:!?)\]’”]/.test(next) ? `${written} ` : written;
      })
      .join('');
  return blocks.map((block) => (block.kind === 'paragraph' ? spans(block.spans) : block.items.map((item) => `- ${spans(item)}`).join('\n'))).join('\n\n');
}

function spansOf(line: string): RichSpan[] {
  const spans: RichSpan[] = [];
  line.split(/(\*\*[^*]+\*\*)/).forEach((part) => {
    const bold = part.startsWith('**') && part.endsWith('**') && part.length > 4;
    const text = (bold ? part.slice(2, -2) : part).trim();
    if (text) spans.push(bold ? { text, bold: true } : { text });
  });
  return spans;
}

export function blocksOf(markup: string): RichBlock[] {
  const blocks: RichBlock[] = [];
  for (const chunk of markup.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    if (lines.every((line) => /^[-•]\s+/.test(line))) {
      const items = lines.map((line) => spansOf(line.replace(/^[-•]\s+/, ''))).filter((item) => item.length > 0);
      if (items.length > 0) blocks.push({ kind: 'bullets', items });
    } else {
      const spans = spansOf(lines.join(' '));
      if (spans.length > 0) blocks.push({ kind: 'paragraph', spans });
    }
  }
  return blocks;
}
