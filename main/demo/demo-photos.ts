import sharp from 'sharp';

export interface SyntheticFaceOptions {
  width: number;
  height: number;
  /** 0-359: the background's hue, so photos of different clients look different. */
  hue: number;
  /** Shifts and turns the shapes a little, as a real pose varies between sessions. */
  offsetX?: number;
  tilt?: number;
  /** Adds grain, so the bytes are photo-like (no long runs a compressor would flatten). */
  seed?: number;
}

/**
 * An abstract face-like drawing (an oval, two eyes, a mouth on a tinted background with grain):
 * something to import, line up and compare in demos and tests without a real person's face.
 */
export function syntheticFaceSvg(options: SyntheticFaceOptions): string {
  const { width, height, hue } = options;
  const cx = width / 2 + (options.offsetX ?? 0);
  const cy = height / 2;
  const rx = width * 0.28;
  const ry = height * 0.36;
  const eyeY = cy - ry * 0.2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs>
    <filter id="grain"><feTurbulence type="fractalNoise" baseFrequency="0.9" numOctaves="2" seed="${options.seed ?? 1}"/>
      <feColorMatrix type="saturate" values="0"/><feComponentTransfer><feFuncA type="linear" slope="0.25"/></feComponentTransfer>
      <feBlend in="SourceGraphic" mode="multiply"/></filter>
  </defs>
  <g filter="url(#grain)">
    <rect width="100%" height="100%" fill="hsl(${hue}, 35%, 78%)"/>
    <g transform="rotate(${options.tilt ?? 0} ${cx} ${cy})">
      <ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="hsl(28, 45%, 70%)"/>
      <ellipse cx="${cx - rx * 0.4}" cy="${eyeY}" rx="${rx * 0.14}" ry="${ry * 0.06}" fill="#3b2a20"/>
      <ellipse cx="${cx + rx * 0.4}" cy="${eyeY}" rx="${rx * 0.14}" ry="${ry * 0.06}" fill="#3b2a20"/>
      <path d="M ${cx - rx * 0.35} ${cy + ry * 0.45} Q ${cx} ${cy + ry * 0.6} ${cx + rx * 0.35} ${cy + ry * 0.45}" stroke="#8a3b3b" stroke-width="${Math.max(2, width / 120)}" fill="none"/>
      <circle cx="${cx + rx * 0.3}" cy="${cy + ry * 0.15}" r="${rx * 0.05}" fill="hsl(0, 40%, 60%)"/>
    </g>
  </g>
</svg>`;
}

export function syntheticFaceJpeg(options: SyntheticFaceOptions): Promise<Buffer> {
  return sharp(Buffer.from(syntheticFaceSvg(options)))
    .jpeg({ quality: 88 })
    .toBuffer();
}

export function syntheticFacePng(options: SyntheticFaceOptions): Promise<Buffer> {
  return sharp(Buffer.from(syntheticFaceSvg(options)))
    .png()
    .toBuffer();
}
