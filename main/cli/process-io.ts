import type { CliIo } from './cli-io';
import { promptHidden } from './hidden-prompt';

/** The real terminal: stdout for results, stderr for people, the keyboard for passwords. */
export function processIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    promptHidden: (question) => promptHidden(question),
    env: process.env,
    forgetEnv: (name) => {
      delete process.env[name];
    },
  };
}
