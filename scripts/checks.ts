/**
 * `npm test`'s checks, side by side: the two typechecks, lint, the format check and the build share no files (the
 * build writes only out/), and each is mostly one core. With `--tests` the test files start as
 * soon as the build passes (the CLI tests run the built CLI), while the typechecks and lint are
 * still going: one queue for both cores instead of two phases, each ending with one core idle.
 * Each check's output is held and printed whole when it ends, so failures read as they would
 * alone; vitest prints as it goes. Arguments after `--tests` go to `vitest run`. Exits 1 if any
 * check or test failed. Plain Node (types stripped), so it costs no start-up time.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

interface Check {
  name: string;
  script: string;
  /** Its output is only worth reading when it failed (the build lists every file it wrote). */
  quietWhenPassing?: boolean;
}

// The npm scripts, so `npm run typecheck` alone does exactly what this runs.
const build: Check = { name: 'build', script: 'build', quietWhenPassing: true };
const checks: Check[] = [
  { name: 'typecheck (main, shared, tests)', script: 'typecheck:main' },
  { name: 'typecheck (renderer)', script: 'typecheck:renderer' },
  { name: 'lint', script: 'lint' },
  { name: 'format', script: 'format:check' },
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = Date.now();
const testsAt = process.argv.indexOf('--tests');
const vitestArgs = testsAt === -1 ? null : process.argv.slice(testsAt + 1);

function run(check: Check): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '-s', check.script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    let done = false;
    const finish = (ok: boolean, extra = '') => {
      if (done) return;
      done = true;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const text = Buffer.concat(output).toString('utf8').trimEnd();
      if (text && !(ok && check.quietWhenPassing)) process.stdout.write(`${text}\n`);
      process.stdout.write(`checks: ${check.name} ${ok ? 'passed' : `FAILED${extra}`} (${seconds} s)\n`);
      resolve(ok);
    };
    child.on('error', (error) => finish(false, `: ${error.message}`));
    child.on('close', (code) => finish(code === 0));
  });
}

/** `vitest run` with the terminal as its own: its progress shows as it goes. */
function runTests(args: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const vitest = join(import.meta.dirname, '..', 'node_modules', 'vitest', 'vitest.mjs');
    const child = spawn(process.execPath, [vitest, 'run', ...args], { stdio: 'inherit' });
    child.on('error', (error) => {
      process.stdout.write(`checks: tests could not start: ${error.message}\n`);
      resolve(false);
    });
    child.on('close', (code) => resolve(code === 0));
  });
}

const built = run(build);
const tested = vitestArgs
  ? built.then((ok) => {
      if (!ok) process.stdout.write('checks: tests not run: the CLI and browser tests need the build\n');
      return ok && runTests(vitestArgs);
    })
  : Promise.resolve(true);
const results = await Promise.all([built, tested, ...checks.map(run)]);
if (vitestArgs) process.stdout.write(`checks: checks and tests ended after ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
if (results.some((ok) => !ok)) process.exit(1);
