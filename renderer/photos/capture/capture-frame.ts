/**
 * The frame on screen as JPEG bytes, drawn through a canvas in memory: nothing is written to
 * disk here; the bytes go straight to the import channel, which encrypts them.
 */
export async function captureFrame(video: HTMLVideoElement, quality = 0.92): Promise<Uint8Array<ArrayBuffer>> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d');
  if (!context || canvas.width === 0) throw new Error('The camera has no picture yet.');
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  if (!blob) throw new Error('The picture could not be taken.');
  return new Uint8Array(await blob.arrayBuffer());
}
