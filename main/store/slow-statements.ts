import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { SqliteDatabase } from './open-database';

/** Slower than this, a statement is worth a line in the log (Signal Desktop uses the same figure). */
const slowStatementMs = 40;

export type SlowStatementReport = (name: string, milliseconds: number) => void;

/** The longest name a statement gets in the log. */
const nameLength = 100;

/**
 * A statement's name in the log: its SQL on one line. A long one keeps its start and its end
 * (the WHERE and ORDER BY), since many start with the same column list. Parameters are bound,
 * never part of it.
 */
export function statementName(sql: string): string {
  const line = sql.replace(/\s+/g, ' ').trim();
  if (line.length <= nameLength) return line;
  const head = 45;
  return `${line.slice(0, head)} … ${line.slice(line.length - (nameLength - head - 3))}`;
}

/** Where a slow statement goes: the shell's log, a line with the name and the time taken. */
export function slowStatementsTo(log: { info(event: string, detail: Record<string, string | number>): void }): SlowStatementReport {
  return (name, milliseconds) => log.info('slow-statement', { name, milliseconds });
}

/**
 * Reports every run, get or all that takes longer than the threshold, by name. A clinic cannot
 * say why the app felt slow one afternoon; the log can, and it holds no client data: the SQL
 * text only, never the values bound to it or the rows read. Each statement is wrapped once,
 * however often the statement cache hands it out.
 */
export function reportSlowStatements(db: SqliteDatabase, report: SlowStatementReport, thresholdMs = slowStatementMs): void {
  const prepare = db.prepare.bind(db) as (sql: string) => Statement;
  const timed = new WeakSet<Statement>();
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    if (!timed.has(statement)) {
      timed.add(statement);
      timeStatement(statement, statementName(sql), report, thresholdMs);
    }
    return statement;
  }) as SqliteDatabase['prepare'];
}

function timeStatement(statement: Statement, name: string, report: SlowStatementReport, thresholdMs: number): void {
  for (const method of ['run', 'get', 'all'] as const) {
    const original = (statement[method] as (...args: unknown[]) => unknown).bind(statement);
    (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      const started = performance.now();
      try {
        return original(...args);
      } finally {
        const took = performance.now() - started;
        if (took >= thresholdMs) report(name, Math.round(took));
      }
    };
  }
}
