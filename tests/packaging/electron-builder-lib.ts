import { createRequire } from 'node:module';
import type * as AppBuilderLib from 'app-builder-lib';
import type { Configuration, PackagerOptions } from 'app-builder-lib';
import type { PublishOptions } from 'electron-publish';

/**
 * electron-builder's own code, loaded the way it loads itself. builder-util and @electron/asar are
 * app-builder-lib's dependencies, not ours, so they are resolved from its folder rather than
 * relying on npm hoisting them next to us.
 */
const require = createRequire(import.meta.url);
const fromBuilder = createRequire(require.resolve('app-builder-lib/package.json'));

interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: Configuration | null): Promise<Configuration>;
  validateConfiguration(config: Configuration, debugLogger: unknown): Promise<void>;
}

export const builderConfig = require('app-builder-lib/out/util/config/config') as ConfigModule;

const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (isEnabled?: boolean) => unknown };
export const quietDebugLogger = () => new DebugLogger(false);

export const builder = require('app-builder-lib') as typeof AppBuilderLib & {
  build(options: PackagerOptions & PublishOptions): Promise<string[]>;
};

export interface AsarReader {
  listPackage(archive: string, options: { isPack: boolean }): string[];
  statFile(archive: string, filename: string, followLinks?: boolean): { unpacked?: boolean; size?: number };
  extractFile(archive: string, filename: string): Buffer;
}

export const asar = fromBuilder('@electron/asar') as AsarReader;
