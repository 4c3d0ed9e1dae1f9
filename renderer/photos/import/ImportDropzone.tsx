import { Button, Group, Stack, Text } from '@mantine/core';
import { IconPhotoUp, IconUpload } from '@tabler/icons-react';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './ImportDropzone.module.css';

/**
 * Where photos come in: drop files on the area, or choose them with the button (several at
 * once). Only the picked files' bytes are read, in memory; the window never sees a path.
 */
export function ImportDropzone({ onFiles, disabled, compact }: { onFiles: (files: File[]) => void; disabled: boolean; compact?: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    if (disabled) return;
    const files = [...event.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };

  const chooseButton = (
    <Button leftSection={<IconUpload size={16} aria-hidden />} onClick={() => input.current?.click()} disabled={disabled}>
      {t('photos.import.choose')}
    </Button>
  );

  return (
    <div
      className={classes.zone}
      data-compact={compact || undefined}
      data-over={over || undefined}
      data-disabled={disabled || undefined}
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      {compact ? (
        // After a batch: one line, so the results below stay in view.
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <IconPhotoUp size={24} stroke={1.5} aria-hidden className={classes.icon} />
            <Text fw={600}>{t('photos.import.dropHere')}</Text>
          </Group>
          {chooseButton}
        </Group>
      ) : (
        <Stack align="center" gap={6}>
          <IconPhotoUp size={34} stroke={1.5} aria-hidden className={classes.icon} />
          <Text fw={600}>{t('photos.import.dropHere')}</Text>
          <Text size="sm" c="dimmed" ta="center" maw={420}>
            {t('photos.import.formats')}
          </Text>
          <Group mt={4}>{chooseButton}</Group>
        </Stack>
      )}
      <input
        ref={input}
        type="file"
        multiple
        accept="image/jpeg,image/png,image/heic,image/heif,.jpg,.jpeg,.png,.heic,.heif"
        aria-label={t('photos.import.fileInput')}
        tabIndex={-1}
        className={classes.input}
        disabled={disabled}
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          // Cleared so choosing the same file again (after fixing it) is seen as a new choice.
          event.currentTarget.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}
