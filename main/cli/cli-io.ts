/**
 * What a command may do with the terminal. The entry point wires it to the process; nothing
 * else in the CLI touches process.stdout, process.env or the keyboard.
 */
export interface CliIo {
  /** A line of the command's result, on stdout (scripts read it). */
  out(line: string): void;
  /** A line for the person (warnings, errors, prompts), on stderr. */
  err(line: string): void;
  /**
   * Shows how far a long job has got, on stderr: a bar redrawn in place on a terminal, a line
   * every tenth of the way otherwise (so logs of scripted runs stay short).
   */
  progress(label: string, done: number, total: number): void;
  /** Asks for a password without echoing it; null when there is no terminal to ask on. */
  promptHidden(question: string): Promise<string | null>;
  /** The environment the command was started with. */
  env: Readonly<Record<string, string | undefined>>;
  /** Forget the password variable once it has been read, so nothing started later inherits it. */
  forgetEnv(name: string): void;
}
