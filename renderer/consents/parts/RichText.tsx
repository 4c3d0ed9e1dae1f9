import { List, Stack, Text, type MantineSize } from '@mantine/core';
import type { RichBlock, RichSpan } from '../../../shared/consents/template';

function Spans({ spans }: { spans: readonly RichSpan[] }) {
  return (
    <>
      {spans.map((span, index) =>
        span.bold ? (
          <strong key={index}>{span.text} </strong>
        ) : (
          <span key={index}>{span.text} </span>
        ),
      )}
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
