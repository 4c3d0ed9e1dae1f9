import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { filesUnder } from '../support/temp-folder';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const builtCli = join(repoRoot, 'out', 'main', 'cli.js');

/**
 * The CLI as it ships (out/main/cli.js, which `npm test` builds first): it starts in a fraction of
 * the time tsx needs and is what a clinic runs. When the build is missing or older than a source
 * file (a developer running one test file after an edit), the sources run through tsx instead.
 */
function cliCommand(): string[] {
  if (existsSync(builtCli)) {
    const builtAt = statSync(builtCli).mtimeMs;
    const sources = ['main', 'shared'].flatMap((folder) => filesUnder(join(repoRoot, folder)));
    if (sources.every((file) => statSync(file).mtimeMs <= builtAt)) return [builtCli];
  }
  return ['--import', 'tsx', 'main/cli/index.ts'];
}
let command: string[] | null = null;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the admin CLI as a clinic's IT would: a separate Node process, with a password only in the
 * environment (or none) and stdin that is not a terminal.
 */
export function runCli(args: string[], options: { password?: string; newPassword?: string; interruptWhen?: (stderr: string) => boolean } = {}): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['SKINLEDGER_PASSWORD'];
  delete env['SKINLEDGER_DEBUG'];
  delete env['SKINLEDGER_NEW_PASSWORD'];
  if (options.password !== undefined) env['SKINLEDGER_PASSWORD'] = options.password;
  if (options.newPassword !== undefined) env['SKINLEDGER_NEW_PASSWORD'] = options.newPassword;
  return new Promise((resolvePromise, reject) => {
    command ??= cliCommand();
    const child = spawn(process.execPath, [...command, ...args], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    let interrupted = false;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      // Ctrl+C as a terminal sends it: SIGINT to the process, once.
      if (!interrupted && options.interruptWhen?.(stderr)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
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
