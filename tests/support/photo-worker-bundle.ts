import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundleForNode } from './node-bundle';
import { tempFolder } from './temp-folder';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The photo process's program bundled once for the run (see use-built-photo-worker.ts). */
    builtPhotoWorker: string;
  }
}

/** Global set-up: bundles main/photos/photo-worker-main.ts from the current sources, once. */
export default async function bundlePhotoWorker(project: TestProject): Promise<() => void> {
  const folder = tempFolder('skinledger-photo-worker-');
  const entry = join(import.meta.dirname, '..', '..', 'main', 'photos', 'photo-worker-main.ts');
  project.provide('builtPhotoWorker', await bundleForNode(entry, join(folder.path, 'photo-worker.js')));
  return () => folder.remove();
}
