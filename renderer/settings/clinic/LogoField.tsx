import { Box, Button, FileButton, Group, Image, Input, Stack, Text } from '@mantine/core';
import { IconPhoto, IconTrash, IconUpload } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxLogoBytes } from '../../../shared/settings';
import { formatKilobytes } from '../../i18n/format';
import { logoMimeType, logoProblem, type LogoProblem } from './logo-file';
import { useObjectUrl } from './useObjectUrl';
import classes from './LogoField.module.css';

/** The clinic logo printed on PDFs: pick a PNG or JPEG (checked here and on the main side), preview, remove. */
export function LogoField({ value, onChange }: { value: Uint8Array | null; onChange: (logo: Uint8Array | null) => void }) {
  const { t, i18n } = useTranslation();
  const [problem, setProblem] = useState<LogoProblem | null>(null);
  const preview = useObjectUrl(value, value ? logoMimeType(value) : null);
  const labelId = useId();
  const descriptionId = useId();
  const limit = formatKilobytes(maxLogoBytes, i18n.language);

  const pick = async (file: File | null) => {
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const found = logoProblem(bytes);
    setProblem(found);
    if (!found) onChange(bytes);
  };

  return (
    <Input.Wrapper
      labelElement="div"
      label={<span id={labelId}>{t('settings.clinic.logo')}</span>}
      description={<span id={descriptionId}>{t('settings.clinic.logoHint', { limit })}</span>}
      error={problem ? t(`settings.clinic.logoProblem.${problem}`, { limit }) : undefined}
    >
      <Group gap="lg" mt="xs" align="center" wrap="nowrap">
        <Box className={classes.preview}>
          {preview ? (
            <Image src={preview} alt={t('settings.clinic.logoPreview')} fit="contain" h={88} w={160} />
          ) : (
            <Stack gap={2} align="center" c="dimmed">
              <IconPhoto size={28} stroke={1.4} aria-hidden />
              <Text size="xs">{t('settings.clinic.noLogo')}</Text>
            </Stack>
          )}
        </Box>
        <Stack gap="xs">
          <FileButton onChange={(file) => void pick(file)} accept="image/png,image/jpeg" inputProps={{ 'aria-labelledby': labelId }}>
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconUpload size={18} aria-hidden />} aria-describedby={descriptionId}>
                {value ? t('settings.clinic.replaceLogo') : t('settings.clinic.uploadLogo')}
              </Button>
            )}
          </FileButton>
          {value ? (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={18} aria-hidden />}
              onClick={() => {
                setProblem(null);
                onChange(null);
              }}
            >
              {t('settings.clinic.removeLogo')}
            </Button>
          ) : null}
          {value ? (
            <Text size="xs" c="dimmed">
              {formatKilobytes(value.length, i18n.language)}
            </Text>
          ) : null}
        </Stack>
      </Group>
    </Input.Wrapper>
  );
}
