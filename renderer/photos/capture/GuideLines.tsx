/** Thirds and a midline over the live picture, so pose and framing match from one session to the next. */
export function GuideLines() {
  const line = { stroke: 'rgba(255,255,255,0.75)', strokeWidth: 0.25, vectorEffect: 'non-scaling-stroke' as const };
  return (
    <svg viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', pointerEvents: 'none', zIndex: 2 }}>
      <line x1="33.333" y1="0" x2="33.333" y2="100" {...line} strokeDasharray="2 2" />
      <line x1="66.667" y1="0" x2="66.667" y2="100" {...line} strokeDasharray="2 2" />
      <line x1="0" y1="33.333" x2="100" y2="33.333" {...line} strokeDasharray="2 2" />
      <line x1="0" y1="66.667" x2="100" y2="66.667" {...line} strokeDasharray="2 2" />
      <line x1="50" y1="0" x2="50" y2="100" stroke="rgba(255, 214, 102, 0.9)" strokeWidth={0.35} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
