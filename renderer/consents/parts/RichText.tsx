import { List, Stack, Text, type MantineSize } from '@mantine/core';
import type { RichBlock, RichSpan } from '../../../shared/consents/template';

/** Spans are stored trimmed: a space goes between two of them unless the next starts with punctuation. */
function spaced(spans: readonly RichSpan[], index: number): string {
  const next = spans[index + 1];
  return next && !/^[,.;:!?)\]’”]/.test(next.text) ? ' ' : '';
}

function Spans({ spans }: { spans: readonly RichSpan[] }) {
  return (
    <>
      {spans.map((span, index) => (
        <span key={index}>
          {span.bold ? <strong>{span.text}</strong> : span.text}
          {spaced(spans, index)}
        </span>
      ))}
    </>
  );
}

/** A template's structured text (paragraphs, bullets, bold), drawn as React elements: never HTML from the file. */
export function RichText({ blocks, size = 'lg' }: { blocks: readonly RichBlock[]; size?: MantineSize }) {
  return (
    <Stack gap="sm">
      {blocks.map((block, index) =>
        block.kind === 'paragraph' ? (
          <Text key={index} size={size}>
            <Spans spans={block.spans} />
          </Text>
        ) : (
          <List key={index} size={size} spacing={6} withPadding>
            {block.items.map((item, itemIndex) => (
              <List.Item key={itemIndex}>
                <Spans spans={item} />
              </List.Item>
            ))}
          </List>
        ),
      )}
    </Stack>
  );
}
