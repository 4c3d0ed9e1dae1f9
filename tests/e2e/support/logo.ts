import type { Page } from 'playwright-core';

/**
 * A believable clinic logo as PNG bytes, drawn on a canvas in the page (no image files in the
 * repo, no encoder in the test process).
 */
export async function drawLogoPng(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(`(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 360;
    canvas.height = 120;
    const g = canvas.getContext('2d');
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, 360, 120);
    g.fillStyle = '#b0735a';
    g.beginPath();
    g.arc(60, 60, 42, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = '#ffffff';
    g.font = 'bold 40px serif';
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillText('H', 60, 62);
    g.fillStyle = '#3d3a35';
    g.textAlign = 'left';
    g.font = '30px serif';
    g.fillText('Harbour', 118, 48);
    g.font = '20px sans-serif';
    g.fillStyle = '#8a7f73';
    g.fillText('SKIN STUDIO', 120, 84);
    return canvas.toDataURL('image/png');
  })()`);
  return Buffer.from(String(dataUrl).replace(/^data:image\/png;base64,/, ''), 'base64');
}
