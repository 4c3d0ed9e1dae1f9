import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { filesUnder } from '../support/temp-folder';

const repoRoot = resolve(import.meta.dirname, '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the admin CLI as a clinic's IT would: a separate Node process, from the sources through
 * tsx, with a password only in the environment (or none) and stdin that is not a terminal.
 */
export function runCli(args: string[], options: { password?: string } = {}): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['SKINLEDGER_PASSWORD'];
  delete env['SKINLEDGER_DEBUG'];
  if (options.password !== undefined) env['SKINLEDGER_PASSWORD'] = options.password;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

// One snapshot helper for the whole test tree: equal snapshots mean not one byte changed.
export { snapshotFolder } from '../support/temp-folder';

/** True if any file under the folder holds the text, in UTF-8 or UTF-16 (SQLite can store either). */
export function folderContains(root: string, text: string): boolean {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  return filesUnder(root).some((file) => {
    const bytes = readFileSync(file);
    return needles.some((needle) => bytes.includes(needle));
  });
}
