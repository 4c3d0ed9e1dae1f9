/**
 * `npm test`'s checks before the tests, side by side: the two typechecks, lint and the build share
 * no files (the build writes only out/), and each is mostly one core, so on a 2-core machine they
 * take about half as long together as one after the other. Each one's output is held and printed
 * whole when it ends, so failures read as they would alone. Exits 1 if any failed.
 * Plain Node (types stripped), so it costs no start-up time.
 */
import { spawn } from 'node:child_process';

interface Check {
  name: string;
  script: string;
  /** Its output is only worth reading when it failed (the build lists every file it wrote). */
  quietWhenPassing?: boolean;
}

// The npm scripts, so `npm run typecheck` alone does exactly what this runs.
const checks: Check[] = [
  { name: 'typecheck (main, shared, tests)', script: 'typecheck:main' },
  { name: 'typecheck (renderer)', script: 'typecheck:renderer' },
  { name: 'lint', script: 'lint' },
  { name: 'build', script: 'build', quietWhenPassing: true },
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = Date.now();

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

const results = await Promise.all(checks.map(run));
if (results.some((ok) => !ok)) process.exit(1);
