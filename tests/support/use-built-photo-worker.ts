import { inject, vi } from 'vitest';

/**
 * Photo processes start from the bundle the global set-up made (photo-worker-bundle.ts), as the
 * shipped app starts out/main/photo-worker.js, instead of from TypeScript under tsx: the same
 * program and the same fork, about 1 s less CPU per start. A test that names its own program
 * still gets that one.
 */
vi.mock(import('../../main/photos/photo-worker-channel'), async (importOriginal) => {
  const real = await importOriginal();
  const built = { path: inject('builtPhotoWorker'), fromSource: false };
  return { ...real, forkPhotoWorker: (entry = built) => real.forkPhotoWorker(entry) };
});
