import type { ReadStream } from 'node:tty';
import { CliFailure } from './command';

/**
 * Reads one line from the terminal without echoing it. Returns null when stdin is not a
 * terminal (a pipe, a CI job): passwords are not read from piped input, where they would sit
 * in a file or a script. Ctrl+C abandons the command.
 */
export function promptHidden(question: string, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Promise<string | null> {
  if (!input.isTTY) return Promise.resolve(null);
  const tty = input as ReadStream;
  output.write(question);
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (result: () => void) => {
      tty.setRawMode(false);
      tty.pause();
      tty.removeListener('data', onData);
      output.write('\n');
      result();
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish(() => resolve(typed));
        if (char === '\u0003') return finish(() => reject(new CliFailure('Cancelled at the password prompt. Nothing was changed.')));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    tty.setRawMode(true);
    tty.setEncoding('utf8');
    tty.on('data', onData);
    tty.resume();
  });
}
