import type { CliIo } from './cli-io';
import { promptHidden } from './hidden-prompt';

/** The real terminal: stdout for results, stderr for people, the keyboard for passwords. */
export function processIo(): CliIo {
  let lastTenth = -1;
  return {
    progress: (label, done, total) => {
      const fraction = total === 0 ? 1 : done / total;
      if (process.stderr.isTTY) {
        const width = 30;
        const filled = Math.round(fraction * width);
        process.stderr.write(
          `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(fraction * 100)}% (${done.toLocaleString('en')}/${total.toLocaleString('en')})${done >= total ? '\n' : ''}`,
        );
        return;
      }
      const tenth = Math.floor(fraction * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        process.stderr.write(`${label}: ${tenth * 10}% (${done.toLocaleString('en')}/${total.toLocaleString('en')})\n`);
      }
    },
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    promptHidden: (question) => promptHidden(question),
    env: process.env,
    forgetEnv: (name) => {
      delete process.env[name];
    },
  };
}
