import { UsageError, commandName, flagWords, type CliCommand } from './command';

export type ParsedArgs = { kind: 'help'; command: CliCommand | null } | { kind: 'run'; command: CliCommand; flags: Record<string, string | undefined>; operands?: string[] };

const helpFlags = new Set(['--help', '-h']);

/**
 * Finds the command named by the leading words and reads its flags (`--data DIR` or
 * `--data=DIR`). Anything the command does not declare is refused rather than ignored: a
 * mistyped flag must not silently change what happens to a clinic's records.
 */
export function parseArgs(argv: readonly string[], table: readonly CliCommand[]): ParsedArgs {
  const words: string[] = [];
  for (const token of argv) {
    if (token.startsWith('-')) break;
    words.push(token);
  }
  const wantsHelp = argv.some((token) => helpFlags.has(token));
  if (words.length === 0) {
    if (wantsHelp) return { kind: 'help', command: null };
    throw new UsageError(argv.length === 0 ? 'Name a command.' : `Name a command before ${argv[0]}.`);
  }
  const command = findCommand(words, table);
  if (wantsHelp) return { kind: 'help', command };
  return { kind: 'run', command, ...readFlags(argv.slice(command.words.length), command) };
}

function findCommand(words: readonly string[], table: readonly CliCommand[]): CliCommand {
  // The longest command whose words start the argument list: "staff list" before a bare "staff".
  const matches = table.filter((command) => command.words.every((word, index) => words[index] === word)).sort((a, b) => b.words.length - a.words.length);
  const found = matches[0];
  if (!found) {
    const longer = table.filter((command) => words.every((word, index) => command.words[index] === word));
    if (longer.length > 0) {
      throw new UsageError(`"${words.join(' ')}" needs one more word: ${longer.map((command) => `"${commandName(command)}"`).join(' or ')}.`);
    }
    throw new UsageError(`Unknown command "${words.join(' ')}".`);
  }
  if (words.length > found.words.length && !found.operands) {
    throw new UsageError(`Unexpected word "${words[found.words.length]}" after "${commandName(found)}".`, found);
  }
  return found;
}

function readFlags(tokens: readonly string[], command: CliCommand): { flags: Record<string, string | undefined>; operands?: string[] } {
  const values: Record<string, string | undefined> = {};
  const operands: string[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (!token.startsWith('--')) {
      if (!command.operands) throw new UsageError(`Unexpected argument "${token}".`, command);
      operands.push(token);
      continue;
    }
    const equals = token.indexOf('=');
    const name = token.slice(2, equals === -1 ? undefined : equals);
    const flag = command.flags.find((candidate) => candidate.name === name);
    if (!flag) throw new UsageError(unknownFlagMessage(name, command), command);
    let value: string | undefined;
    if (!flag.placeholder) {
      if (equals !== -1) throw new UsageError(`--${name} takes no value.`, command);
      value = 'yes';
    } else if (equals !== -1) value = token.slice(equals + 1);
    else {
      const next = tokens[index + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        index++;
      }
    }
    if (value === undefined || value.trim() === '') throw new UsageError(`--${name} needs a value: --${name} ${flag.placeholder}.`, command);
    if (values[name] !== undefined) throw new UsageError(`--${name} is given twice.`, command);
    values[name] = value;
  }
  for (const flag of command.flags) {
    if (flag.required && values[flag.name] === undefined) {
      throw new UsageError(`"${commandName(command)}" needs ${flagWords(flag)}.`, command);
    }
  }
  if (command.operands && operands.length === 0) {
    throw new UsageError(`"${commandName(command)}" needs at least one ${command.operands.placeholder}.`, command);
  }
  return command.operands ? { flags: values, operands } : { flags: values };
}

function unknownFlagMessage(name: string, command: CliCommand): string {
  if (/^pass(word)?$|^pw$/i.test(name)) {
    return 'Passwords are never given as an argument (other users of the PC could see them). Set SKINLEDGER_PASSWORD, or type it when asked.';
  }
  return `"${commandName(command)}" has no option --${name}.`;
}
