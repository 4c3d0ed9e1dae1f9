import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

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

/** Every file under a folder with the SHA-256 of its bytes: equal snapshots mean nothing changed. */
export function snapshotFolder(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(root);
  return files;
}

/** True if any file under the folder holds the text, in UTF-8 or UTF-16 (SQLite can store either). */
export function folderContains(root: string, text: string): boolean {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  return Object.keys(snapshotFolder(root)).some((file) => {
    const bytes = readFileSync(join(root, file));
    return needles.some((needle) => bytes.includes(needle));
  });
}
