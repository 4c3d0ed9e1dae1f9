import { createRequire, syncBuiltinESMExports } from 'node:module';
import type * as NodeFs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';

/** Counts the steps of one operation that can change a file, and ends the process before one. */
export interface StepCounter {
  /** Steps are counted (and the kill armed) only while `during` runs. */
  during<T>(operation: () => Promise<T> | T): Promise<T>;
  readonly count: number;
}

/** File calls that write, sync, move or remove: each one a point where a crash may land. */
const fsWrites = ['writeSync', 'writeFileSync', 'appendFileSync', 'renameSync', 'linkSync', 'fsyncSync', 'fdatasyncSync', 'rmSync', 'unlinkSync', 'copyFileSync', 'closeSync'] as const;
const fsPromiseWrites = ['writeFile', 'appendFile', 'rename', 'link', 'rm', 'unlink', 'copyFile'] as const;
const handleWrites = ['write', 'writev', 'writeFile', 'sync', 'datasync', 'close'] as const;

/**
 * Wraps node:fs (its sync and promise calls, and FileHandle's writes) and SQLite's statements
 * (run and exec; BEGIN and COMMIT are statements too) in this process. Call it before the app's
 * code runs; the named imports of node:fs follow through syncBuiltinESMExports. `killAt` 0 only
 * counts. Steps in other threads or processes (the backup's part workers, the photo worker) are
 * not counted: a kill of this process ends those too.
 */
export async function stepCounter(killAt: number): Promise<StepCounter> {
  let armed = false;
  let count = 0;
  const step = () => {
    if (!armed) return;
    count++;
    if (count === killAt) process.kill(process.pid, 'SIGKILL');
  };
  const wrap = <T extends object>(target: T, names: readonly string[]) => {
    const record = target as Record<string, unknown>;
    for (const name of names) {
      const original = record[name];
      if (typeof original !== 'function') continue;
      record[name] = function (this: unknown, ...args: unknown[]) {
        step();
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      };
    }
  };
  const fs = createRequire(import.meta.url)('node:fs') as typeof NodeFs;
  wrap(fs, fsWrites);
  wrap(fs.promises, fsPromiseWrites);
  const probe = await fs.promises.open(process.execPath, 'r');
  wrap(Object.getPrototypeOf(probe) as object, handleWrites);
  await probe.close();
  syncBuiltinESMExports();
  const memory = new Database(':memory:');
  wrap(Object.getPrototypeOf(memory.prepare('SELECT 1')) as object, ['run']);
  memory.close();
  wrap(Database.prototype, ['exec']);
  return {
    async during(operation) {
      armed = true;
      try {
        return await operation();
      } finally {
        armed = false;
      }
    },
    get count() {
      return count;
    },
  };
}
