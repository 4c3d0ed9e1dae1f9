/**
 * SkinLedger's mark: a leaf-like droplet inside a ledger ring. Drawn inline so it costs no
 * request and no font; decorative, so hidden from screen readers (the wordmark beside it speaks).
 */
export function BrandMark({ size = 40, tone = 'light' }: { size?: number; tone?: 'light' | 'dark' }) {
  const ring = tone === 'light' ? 'rgba(255,255,255,0.9)' : 'var(--mantine-color-sage-7)';
  const fill = tone === 'light' ? 'rgba(255,255,255,0.95)' : 'var(--mantine-color-sage-7)';
  const vein = tone === 'light' ? 'var(--mantine-color-sage-8)' : '#ffffff';
  return (
    <svg width={size} height={size} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="21" fill="none" stroke={ring} strokeWidth="2.5" />
      <path d="M24 10c7 7.5 10.5 13.3 10.5 18a10.5 10.5 0 0 1-21 0C13.5 23.3 17 17.5 24 10Z" fill={fill} />
      <path d="M24 20v17M24 27l-4.5-4M24 31l4.5-4" stroke={vein} strokeWidth="1.8" strokeLinecap="round" fill="none" />
    </svg>
  );
}
