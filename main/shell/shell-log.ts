import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A small log for whoever supports the clinic: start-ups, crashes, unexpected faults. It holds
 * no client data, no keys and no passwords, so it lives outside the encrypted data folder and
 * can be emailed as it is. Only error names and messages are written, never inputs or stacks
 * (a stack can carry file paths with a client's name in them).
 */
export interface ShellLog {
  info(event: string, detail?: Record<string, string | number | boolean>): void;
  fault(where: string, error: unknown): void;
}

const maxBytes = 1_000_000;
const maxField = 300;

export function logFolder(userDataDir: string): string {
  return join(userDataDir, 'logs');
}

export function openShellLog(folder: string, now: () => Date = () => new Date()): ShellLog {
  const file = join(folder, 'skinledger.log');
  const write = (line: string) => {
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      rotateIfLarge(file);
      appendFileSync(file, `${now().toISOString()} ${line}\n`, { mode: 0o600 });
    } catch {
      // Logging must never take the app down with it.
    }
  };
  return {
    info: (event, detail = {}) => write(formatLine(event, detail)),
    fault: (where, error) => write(formatFault(where, error)),
  };
}

export function formatFault(where: string, error: unknown): string {
  const name = error instanceof Error ? error.name : typeof error;
  // Node quotes file paths in its messages ("open '/…/Jane Doe.pdf'"); the path can name a client.
  const message = error instanceof Error ? error.message.replace(/'[^']*'|"[^"]*"/g, '<…>') : '';
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
  return formatLine('fault', { where, name, ...(code ? { code } : {}), message });
}

function formatLine(event: string, detail: Record<string, string | number | boolean>): string {
  const fields = Object.entries(detail).map(([key, value]) => `${oneLine(key)}=${JSON.stringify(oneLine(String(value)))}`);
  return [oneLine(event), ...fields].join(' ');
}

function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, maxField);
}

function rotateIfLarge(file: string): void {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return;
  }
  if (size > maxBytes) renameSync(file, `${file}.1`);
}
