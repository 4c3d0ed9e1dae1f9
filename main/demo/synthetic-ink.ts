import sharp from 'sharp';
import type { Ink, InkPoint } from '../../shared/consents/ink';
import type { SeededRandom } from './seeded-random';

const pads = { signature: { width: 480, height: 160 }, initials: { width: 200, height: 100 } } as const;

/**
 * An invented signature or set of initials: loops drawn as stroke points, as a pad would capture
 * them, rendered to PNG with sharp from an SVG path we write ourselves (no canvas in main). Used
 * by the demo clinic and the tests; never passes for a real person's hand.
 */
export async function syntheticInk(random: SeededRandom, kind: keyof typeof pads): Promise<Ink> {
  const pad = pads[kind];
  const strokes: InkPoint[][] = [];
  const strokeCount = kind === 'signature' ? random.int(2, 3) : random.int(1, 2);
  let t = 0;
  const span = pad.width * 0.8;
  for (let s = 0; s < strokeCount; s++) {
    const points: InkPoint[] = [];
    const startX = pad.width * 0.1 + (span / strokeCount) * s;
    const width = (span / strokeCount) * 0.9;
    const loops = kind === 'signature' ? random.int(3, 6) : random.int(1, 2);
    const amplitude = pad.height * (0.2 + random.next() * 0.15);
    const count = kind === 'signature' ? 60 : 24;
    for (let i = 0; i < count; i++) {
      const f = i / (count - 1);
      const x = startX + f * width + Math.sin(f * Math.PI * 2 * loops) * 8;
      const y = pad.height / 2 + Math.sin(f * Math.PI * loops + s) * amplitude * (1 - f * 0.3);
      points.push({ x: round(x), y: round(y), t, p: round(0.4 + 0.3 * Math.sin(f * Math.PI)) });
      t += 12;
    }
    t += 180;
    strokes.push(points);
  }
  const paths = strokes
    .map((points) => `<path d="M ${points.map((p) => `${p.x} ${p.y}`).join(' L ')}" fill="none" stroke="#14213d" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${pad.width}" height="${pad.height}">${paths}</svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  return { png: new Uint8Array(png), width: pad.width, height: pad.height, strokes };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
