import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { bundleForNode } from '../../support/node-bundle';

/**
 * Builds kill-child.ts once into one plain JavaScript file, so each of the spawns costs a bare
 * `node` start instead of a TypeScript loader (tsx takes about 3x as long to start), and the
 * photo worker beside it where the app's own launcher looks for it (`photo-worker.js`).
 */
export async function buildKillChild(outDir: string): Promise<string> {
  const outfile = await bundleForNode(join(import.meta.dirname, '..', 'kill-child.ts'), join(outDir, 'kill-child.mjs'));
  await bundleForNode(join(import.meta.dirname, '..', '..', '..', 'main', 'photos', 'photo-worker-main.ts'), join(outDir, 'photo-worker.js'));
  return outfile;
}

export interface KilledRun {
  /** The first number this run was going to write. */
  firstNumber: number;
  /** Numbers the child printed after their commit, in order. */
  acknowledged: number[];
  /** Milliseconds from "ready" to the kill. */
  delayMs: number;
}

/** A child started and loaded ("warm") but not yet touching the store. */
export interface WarmChild {
  /** Lets it open the store, waits for "ready", kills it with SIGKILL `delayMs` later. */
  killAfterReady(delayMs: number): Promise<KilledRun>;
  /**
   * Lets it run to its own end: done (exit 0) or killed by itself at its kill point. Returns
   * the whole lines it printed after "warm".
   */
  runToEnd(): Promise<{ lines: string[]; killed: boolean }>;
  /** Ends a child that was never used. */
  dispose(): Promise<void>;
}

/**
 * Starts a child that loads and then waits. Node's compile cache (kept beside the script) spares
 * every start after the first from compiling the bundle again.
 */
export function startKillChild(script: string, env: Record<string, string>, nodeArgs: readonly string[] = []): WarmChild {
  const child: ChildProcessByStdio<Writable, Readable, Readable> = spawn(process.execPath, [...nodeArgs, script], {
    env: { ...process.env, NODE_COMPILE_CACHE: join(dirname(script), 'compile-cache'), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let onOutput = () => {};
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    onOutput();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  child.on('error', () => {});

  return {
    async killAfterReady(delayMs) {
      const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
      let firstNumber: number | null = null;
      onOutput = () => {
        if (firstNumber !== null) return;
        const ready = /^warm\nready (\d+)\n/.exec(stdout);
        if (!ready) return;
        firstNumber = Number(ready[1]);
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      };
      child.stdin.end('go\n');
      onOutput();
      const { code, signal } = await closed;
      clearTimeout(guard);
      if (signal !== 'SIGKILL' || firstNumber === null) {
        throw new Error(`the child ended by itself (code ${code}, signal ${signal}): ${stderr.slice(0, 2000)}`);
      }
      // Only whole lines count: a number cut off mid-line was never acknowledged.
      const lines = stdout.split('\n').slice(2, -1);
      return { firstNumber, acknowledged: lines.map(Number), delayMs };
    },
    async runToEnd() {
      const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.stdin.end('go\n');
      const { code, signal } = await closed;
      clearTimeout(guard);
      if (code !== 0 && signal !== 'SIGKILL') throw new Error(`the child failed (code ${code}, signal ${signal}): ${stderr.slice(0, 2000)}`);
      return { lines: stdout.split('\n').slice(1, -1), killed: signal === 'SIGKILL' };
    },
    async dispose() {
      child.kill('SIGKILL');
      await closed;
    },
  };
}
