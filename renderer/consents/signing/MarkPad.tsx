import { Button, Group, Input, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconEraser } from '@tabler/icons-react';
import SignaturePadEngine from 'signature_pad';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ink, InkStroke } from '../../../shared/consents/ink';
import classes from './MarkPad.module.css';

export type MarkKind = 'signature' | 'initials';

export interface MarkPadProps {
  kind: MarkKind;
  label: string;
  /** Who signs, shown under the line ("Zoë Nguyễn, client"). */
  signer?: string | undefined;
  /** The message of the form's rule (empty, too small), shown under the pad. */
  error?: string | undefined;
  height: number;
  /** A mark drawn earlier (the client went back a step): drawn again when the pad appears. */
  initial?: Ink | null | undefined;
  onChange: (mark: Ink | null) => void;
}

const penLook = {
  signature: { minWidth: 0.9, maxWidth: 3.2 },
  initials: { minWidth: 0.8, maxWidth: 2.6 },
} as const;

/**
 * The strokes as the contract keeps them: CSS pixels inside the pad (a stroke dragged past the
 * edge is held at the edge), milliseconds since the first point, pressure only where the device
 * reported one: a pen or a finger (a mouse reports a fixed 0.5 while its button is down, which says nothing).
 */
function strokesOf(engine: SignaturePadEngine, pressured: readonly boolean[], width: number, height: number): InkStroke[] {
  const groups = engine.toData().filter((group) => group.points.length > 0);
  const start = groups[0]?.points[0]?.time ?? 0;
  const within = (value: number, limit: number) => Math.min(Math.max(value, 0), limit);
  return groups.map((group, index) =>
    group.points.map((point) => ({
      x: within(point.x, width),
      y: within(point.y, height),
      t: Math.max(0, Math.round(point.time - start)),
      ...(pressured[index] && point.pressure > 0 && point.pressure <= 1 ? { p: point.pressure } : {}),
    })),
  );
}

const penColor = '#1d2a4d';

/**
 * The pad as PNG bytes, made synchronously (toDataURL rather than toBlob), so the form holds the
 * mark the moment the stroke ends and a quick tap on Next never checks a pad still being encoded.
 */
function pngOf(canvas: HTMLCanvasElement): Uint8Array<ArrayBuffer> {
  const base64 = canvas.toDataURL('image/png').split(',')[1] ?? '';
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * A drawing pad for a signature or initials (signature_pad underneath): mouse, finger, pen or a
 * signature tablet acting as one. Pen pressure is recorded with each point where the device gives
 * it, and a pen draws a slightly heavier line. "Undo stroke" and "Clear" are ordinary buttons, so
 * the pad is reachable by keyboard; screen readers hear what the pad is for and whether it holds ink.
 */
export function MarkPad({ kind, label, signer, error, height, initial, onChange }: MarkPadProps) {
  const { t } = useTranslation();
  const id = useId();
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const engineRef = useRef<SignaturePadEngine | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const initialRef = useRef(initial);
  const [inked, setInked] = useState(Boolean(initial));
  /** Per stroke: drawn by a pen or finger, whose pressure means something. */
  const pressuredRef = useRef<boolean[]>([]);

  const report = useCallback(() => {
    const engine = engineRef.current;
    const canvas = canvasRef.current;
    if (!engine || !canvas) return;
    const strokes = strokesOf(engine, pressuredRef.current, canvas.offsetWidth, canvas.offsetHeight);
    const empty = engine.isEmpty() || strokes.length === 0;
    setInked(!empty);
    if (empty) {
      onChangeRef.current(null);
      return;
    }
    onChangeRef.current({ png: pngOf(canvas), strokes, width: Math.round(canvas.offsetWidth), height: Math.round(canvas.offsetHeight) });
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    const engine = new SignaturePadEngine(canvas, { ...penLook[kind], penColor, backgroundColor: 'rgba(0,0,0,0)', minDistance: 2 });
    engineRef.current = engine;
    const onBegin = (event: Event) => {
      const source = (event as CustomEvent<PointerEvent | MouseEvent | TouchEvent>).detail;
      const pointer = 'pointerType' in source ? source.pointerType : 'touches' in source ? 'touch' : 'mouse';
      pressuredRef.current.push(pointer === 'pen' || pointer === 'touch');
      engine.maxWidth = penLook[kind].maxWidth * (pointer === 'pen' ? 1.25 : 1);
    };
    const onEnd = () => report();
    engine.addEventListener('beginStroke', onBegin);
    engine.addEventListener('endStroke', onEnd);

    // The canvas is drawn at the screen's pixel density and redrawn from the strokes when its box changes size.
    const fit = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const width = canvas.offsetWidth;
      const boxHeight = canvas.offsetHeight;
      if (width === 0 || boxHeight === 0) return;
      if (canvas.width === Math.round(width * ratio) && canvas.height === Math.round(boxHeight * ratio)) return;
      const strokes = engine.toData();
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(boxHeight * ratio);
      canvas.getContext('2d')?.scale(ratio, ratio);
      engine.clear();
      if (strokes.length > 0) engine.fromData(strokes);
    };
    fit();
    const earlier = initialRef.current;
    if (earlier) {
      engine.fromData(
        earlier.strokes.map((stroke) => ({
          ...penLook[kind],
          dotSize: 0,
          penColor,
          velocityFilterWeight: 0.7,
          compositeOperation: 'source-over' as const,
          points: stroke.map((point) => ({ x: point.x, y: point.y, pressure: point.p ?? 0, time: point.t })),
        })),
      );
      pressuredRef.current = earlier.strokes.map((stroke) => stroke.some((point) => point.p !== undefined));
    }
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    const densityQuery = window.matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
    densityQuery.addEventListener('change', fit);
    return () => {
      observer.disconnect();
      densityQuery.removeEventListener('change', fit);
      engine.removeEventListener('beginStroke', onBegin);
      engine.removeEventListener('endStroke', onEnd);
      engine.off();
      engineRef.current = null;
    };
  }, [kind, report]);

  const undo = () => {
    const engine = engineRef.current;
    if (!engine) return;
    const strokes = engine.toData();
    strokes.pop();
    pressuredRef.current.pop();
    engine.clear();
    if (strokes.length > 0) engine.fromData(strokes);
    report();
  };
  const clear = () => {
    engineRef.current?.clear();
    pressuredRef.current = [];
    report();
  };

  const labelId = `${id}-label`;
  const errorId = `${id}-error`;
  return (
    <Stack gap={6} role="group" aria-labelledby={labelId}>
      <Input.Label id={labelId} size={kind === 'signature' ? 'lg' : 'md'}>
        {label}
      </Input.Label>
      <div className={classes.pad} style={{ height }} data-error={Boolean(error)} data-inked={inked}>
        <canvas
          ref={canvasRef}
          className={classes.canvas}
          role="img"
          aria-label={inked ? t(`consents.pad.${kind}Drawn`) : t(`consents.pad.${kind}Empty`)}
          aria-describedby={error ? errorId : undefined}
          data-mark={kind}
        />
        {kind === 'signature' ? <div className={classes.line} aria-hidden /> : null}
        {!inked ? (
          <Text className={classes.hint} size="sm" aria-hidden>
            {t(`consents.pad.${kind}Hint`)}
          </Text>
        ) : null}
      </div>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {signer ?? ''}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" size="sm" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={undo} disabled={!inked} aria-label={t(`consents.pad.${kind}Undo`)}>
            {t('consents.pad.undo')}
          </Button>
          <Button variant="default" size="sm" leftSection={<IconEraser size={16} aria-hidden />} onClick={clear} disabled={!inked} aria-label={t(`consents.pad.${kind}Clear`)}>
            {t('consents.pad.clear')}
          </Button>
        </Group>
      </Group>
      {error ? (
        <Text id={errorId} size="sm" c="red.8" fw={500} role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
