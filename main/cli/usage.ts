import { commandName, flagWords, type CliCommand } from './command';
import { newPasswordVariable, passwordVariable } from './password';

function synopsis(command: CliCommand): string {
  const flags = command.flags.map((flag) => (flag.required ? flagWords(flag) : `[${flagWords(flag)}]`));
  const operands = command.operands ? [`${command.operands.placeholder}...`] : [];
  return [commandName(command), ...flags, ...operands].join(' ');
}

const footer = [
  `Passwords are never taken as an argument: set ${passwordVariable}, or run the command in a`,
  'terminal and type it when asked.',
  `"staff add" takes the new person's password from ${newPasswordVariable}, or asks for it.`,
  'Exit codes: 0 done, 1 failed (the reason is one line on stderr), 2 wrong usage.',
];

/** The overview, made from the command table. */
export function generalUsage(table: readonly CliCommand[]): string {
  const lines = ['SkinLedger admin CLI', '', 'Usage: skinledger <command> [options]', '       npm run cli -- <command> [options]', '', 'Commands:'];
  for (const command of table) lines.push(`  ${synopsis(command)}`, `      ${command.summary}`);
  lines.push('', ...footer, 'Run "skinledger <command> --help" for the options of one command.');
  return lines.join('\n');
}

/** One command's usage line and options. */
export function commandUsage(command: CliCommand): string {
  const width = Math.max(...command.flags.map((flag) => flagWords(flag).length));
  const lines = [`Usage: skinledger ${synopsis(command)}`, '', command.summary, '', 'Options:'];
  for (const flag of command.flags) {
    lines.push(`  ${flagWords(flag).padEnd(width)}  ${flag.summary}${flag.required ? '' : ' (optional)'}`);
  }
  if (command.operands) lines.push(`  ${`${command.operands.placeholder}...`.padEnd(width)}  ${command.operands.summary}`);
  lines.push('', ...footer);
  return lines.join('\n');
}
