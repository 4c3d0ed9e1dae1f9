import { Alert, Button, Group, Slider, Stack, Switch, Text } from '@mantine/core';
import { IconCamera, IconInfoCircle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoCaption } from '../compare/PhotoCaption';
import { captureFrame } from './capture-frame';
import { GuideLines } from './GuideLines';
import { useCamera } from './useCamera';

const stage = { position: 'relative', height: 340, background: '#1f2420', borderRadius: 8, overflow: 'hidden' } as const;
const fill = { position: 'absolute', inset: 0, width: '100%', height: '100%', objectFit: 'contain' } as const;

/**
 * Live view from the webcam with the client's earlier photo of the same view as a ghost on top
 * (opacity adjustable) and guide lines, so the new photo is framed like the old one. Not mirrored:
 * what is on screen is what is stored, so a left profile never looks like a right one.
 */
export function CameraCapture({
  ghost,
  onCapture,
  busy,
  actions,
}: {
  ghost: { url: string; caption: string } | null;
  onCapture: (bytes: Uint8Array<ArrayBuffer>) => void;
  busy: boolean;
  /** Buttons shown beside Take photo (the dialog's Done). */
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const { video, state } = useCamera();
  const [ghostOpacity, setGhostOpacity] = useState(35);
  const [guides, setGuides] = useState(true);
  const [failed, setFailed] = useState(false);

  const take = async () => {
    if (!video.current) return;
    try {
      setFailed(false);
      onCapture(await captureFrame(video.current));
    } catch {
      setFailed(true);
    }
  };

  return (
    <Stack gap="sm">
      {state === 'refused' || state === 'none' || state === 'failed' ? (
        <Alert color="orange" icon={<IconInfoCircle aria-hidden />} title={t(`photos.capture.${state}Title`)}>
          {t(`photos.capture.${state}`)}
        </Alert>
      ) : null}
      <div style={stage} data-testid="camera-stage">
        <video ref={video} muted playsInline aria-label={t('photos.capture.live')} style={fill} />
        {ghost ? <img src={ghost.url} alt="" data-testid="camera-ghost" style={{ ...fill, opacity: ghostOpacity / 100, pointerEvents: 'none', zIndex: 1 }} /> : null}
        {guides ? <GuideLines /> : null}
        {ghost ? <PhotoCaption text={t('photos.capture.ghostCaption', { caption: ghost.caption })} side="start" /> : null}
        {state === 'starting' ? (
          <Text c="white" style={{ position: 'absolute', top: '45%', width: '100%', textAlign: 'center', zIndex: 3 }}>
            {t('photos.capture.starting')}
          </Text>
        ) : null}
      </div>
      <Group align="flex-end" justify="space-between" wrap="nowrap" gap="lg">
        <Stack gap={4} style={{ flex: 1, maxWidth: 340 }}>
          {ghost ? (
            <>
              <Text size="sm" fw={500}>
                {t('photos.capture.ghost', { percent: ghostOpacity })}
              </Text>
              <Slider value={ghostOpacity} onChange={setGhostOpacity} min={0} max={90} step={5} thumbLabel={t('photos.capture.ghostOpacity')} color="sage" />
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('photos.capture.noGhost')}
            </Text>
          )}
        </Stack>
        <Switch checked={guides} onChange={(event) => setGuides(event.currentTarget.checked)} label={t('photos.capture.guides')} />
        <Group gap="xs" wrap="nowrap">
          {actions}
          <Button leftSection={<IconCamera size={18} aria-hidden />} onClick={() => void take()} disabled={state !== 'live'} loading={busy}>
            {t('photos.capture.take')}
          </Button>
        </Group>
      </Group>
      {failed ? (
        <Text size="sm" c="red.9" role="alert">
          {t('photos.capture.takeFailed')}
        </Text>
      ) : null}
    </Stack>
  );
}
