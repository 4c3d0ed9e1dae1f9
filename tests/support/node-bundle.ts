import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build, type PluginBuild } from 'esbuild';

/**
 * Packages stay outside the bundles, imported by absolute path (native add-ons, and pdfkit's data
 * files, need their own folders); the project's code is bundled.
 */
const packagesByPath = {
  name: 'packages-by-path',
  setup: (b: PluginBuild) =>
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      try {
        return { path: createRequire(join(args.resolveDir, 'x.js')).resolve(args.path), external: true };
      } catch {
        // A package only importable (no require entry): bundled.
        return undefined;
      }
    }),
};

/**
 * Bundles a TypeScript entry into one plain ES module for a bare `node` to start: a child process
 * from TypeScript under tsx takes about 1 s of CPU to start, a bundle a fraction of that. The
 * folder is marked as ES modules, as the app's own out/main is.
 */
export async function bundleForNode(entry: string, outfile: string): Promise<string> {
  writeFileSync(join(outfile, '..', 'package.json'), '{"type":"module"}\n');
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node24', logLevel: 'warning', plugins: [packagesByPath] });
  return outfile;
}
