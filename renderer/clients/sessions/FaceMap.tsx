import { Group, Text } from '@mantine/core';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TreatmentArea } from '../../../shared/clinical/areas';
import classes from './FaceMap.module.css';

type FaceArea = Extract<
  TreatmentArea,
  | 'forehead'
  | 'glabella'
  | 'periorbital-left'
  | 'periorbital-right'
  | 'cheek-left'
  | 'cheek-right'
  | 'nose'
  | 'upper-lip'
  | 'perioral'
  | 'chin'
  | 'jawline-left'
  | 'jawline-right'
  | 'neck'
  | 'decolletage'
>;

/**
 * Shapes of a face seen from the front, in a 320 × 440 box. The client's left is on the viewer's
 * right, as on every clinical chart; the map says so beside it. Jawlines are thick strokes so
 * they follow the edge of the face; everything else is a filled shape.
 */
const shapes: { area: FaceArea; element: (props: Record<string, unknown>) => ReactNode; stroke?: true }[] = [
  // Top to bottom, the client's right (viewer's left) first: this is also the Tab order, and
  // later shapes are drawn over earlier ones where edges meet.
  { area: 'forehead', element: (p) => <path d="M70 126 C72 74 112 46 160 46 C208 46 248 74 250 126 C220 114 190 114 176 122 L144 122 C130 114 100 114 70 126 Z" {...p} /> },
  { area: 'glabella', element: (p) => <path d="M146 124 L174 124 L170 148 L150 148 Z" {...p} /> },
  { area: 'periorbital-right', element: (p) => <ellipse cx="116" cy="152" rx="34" ry="22" {...p} /> },
  { area: 'periorbital-left', element: (p) => <ellipse cx="204" cy="152" rx="34" ry="22" {...p} /> },
  { area: 'nose', element: (p) => <path d="M150 150 L170 150 L176 198 C182 210 174 218 160 218 C146 218 138 210 144 198 Z" {...p} /> },
  { area: 'cheek-right', element: (p) => <path d="M68 178 C74 176 100 186 132 184 C140 200 140 228 128 254 C110 256 90 246 78 228 C70 214 66 196 68 178 Z" {...p} /> },
  { area: 'cheek-left', element: (p) => <path d="M252 178 C246 176 220 186 188 184 C180 200 180 228 192 254 C210 256 230 246 242 228 C250 214 254 196 252 178 Z" {...p} /> },
  { area: 'upper-lip', element: (p) => <path d="M136 230 C146 222 174 222 184 230 L182 240 C172 236 148 236 138 240 Z" {...p} /> },
  { area: 'perioral', element: (p) => <path d="M124 232 C120 260 138 276 160 276 C182 276 200 260 196 232 L186 234 C188 254 176 264 160 264 C144 264 132 254 134 234 Z" {...p} /> },
  { area: 'chin', element: (p) => <path d="M132 282 C140 276 180 276 188 282 C190 296 178 306 160 306 C142 306 130 296 132 282 Z" {...p} /> },
  { area: 'jawline-right', element: (p) => <path d="M70 236 C82 270 108 294 140 304" {...p} />, stroke: true },
  { area: 'jawline-left', element: (p) => <path d="M250 236 C238 270 212 294 180 304" {...p} />, stroke: true },
  { area: 'neck', element: (p) => <path d="M124 306 L196 306 L206 366 L114 366 Z" {...p} /> },
  { area: 'decolletage', element: (p) => <path d="M116 366 L204 366 C238 374 282 390 304 434 L16 434 C38 390 82 374 116 366 Z" {...p} /> },
];

export const faceMapAreas: readonly FaceArea[] = shapes.map((shape) => shape.area);

/**
 * The face map: every region a toggle button with its name (Tab to it, Space or Enter to choose),
 * chosen regions filled. Screen readers hear "Forehead, toggle button, pressed".
 */
export function FaceMap({ selected, onToggle }: { selected: ReadonlySet<TreatmentArea>; onToggle: (area: TreatmentArea) => void }) {
  const { t } = useTranslation();
  const onKey = (area: TreatmentArea) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onToggle(area);
    }
  };
  return (
    <div className={classes.wrap}>
      <Group justify="space-between" className={classes.sides} aria-hidden>
        <Text size="xs" c="dimmed">
          {t('sessionForm.map.clientRight')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('sessionForm.map.clientLeft')}
        </Text>
      </Group>
      <svg viewBox="0 0 320 440" className={classes.map} role="group" aria-label={t('sessionForm.map.label')}>
        {/* The head, ears and features: drawing only, clicks pass through to the regions. */}
        <g className={classes.drawing} aria-hidden>
          <path d="M116 366 L204 366 C238 374 282 390 304 434 L16 434 C38 390 82 374 116 366 Z" />
          <path d="M122 290 L198 290 L206 366 L114 366 Z" />
          <ellipse cx="56" cy="172" rx="10" ry="24" />
          <ellipse cx="264" cy="172" rx="10" ry="24" />
          <ellipse cx="160" cy="176" rx="100" ry="132" />
        </g>
        {shapes.map(({ area, element, stroke }) => {
          const pressed = selected.has(area);
          return (
            <g key={area}>
              {element({
                className: `${classes.region} ${stroke ? classes.strokeRegion : ''}`,
                'data-selected': pressed || undefined,
                role: 'button',
                tabIndex: 0,
                'aria-pressed': pressed,
                'aria-label': t(`areas.${area}`),
                onClick: () => onToggle(area),
                onKeyDown: onKey(area),
                children: <title>{t(`areas.${area}`)}</title>,
              })}
            </g>
          );
        })}
        <g className={classes.features} aria-hidden>
          <path d="M96 132 C106 126 124 126 136 132" />
          <path d="M184 132 C196 126 214 126 224 132" />
          <path d="M100 154 C108 146 126 146 134 154 C126 160 108 160 100 154 Z" />
          <path d="M186 154 C194 146 212 146 220 154 C212 160 194 160 186 154 Z" />
          <path d="M142 248 C152 244 168 244 178 248 C168 256 152 256 142 248 Z" />
        </g>
      </svg>
    </div>
  );
}
