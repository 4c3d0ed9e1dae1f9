import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { SqliteDatabase } from './open-database';

/**
 * How many compiled statements a connection keeps. The services use about a hundred distinct
 * statements; the rest of the room is for SQL built with a varying number of placeholders.
 */
const keptStatements = 400;

/**
 * Makes `db.prepare` hand back the statement it compiled before for the same SQL. Compiling is
 * most of the cost of a small query on an encrypted store (a profile view compiled about forty
 * statements, two or three milliseconds, every time it opened), and every service calls
 * `db.prepare(sql)` where it needs one, so the cache sits here rather than in each service.
 *
 * A kept statement is returned with its row mode reset (a caller may have switched it to
 * pluck or raw), and never while it is still being iterated: then the caller gets a fresh one.
 * The least recently used statement is dropped beyond `keptStatements`.
 */
export function keepCompiledStatements(db: SqliteDatabase, capacity = keptStatements): void {
  const compile = db.prepare.bind(db) as (sql: string) => Statement;
  const kept = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    const statement = kept.get(sql);
    if (statement && !statement.busy) {
      kept.delete(sql);
      kept.set(sql, statement);
      return statement.reader ? statement.pluck(false).expand(false).raw(false) : statement;
    }
    const fresh = compile(sql);
    if (!statement) {
      kept.set(sql, fresh);
      if (kept.size > capacity) kept.delete(kept.keys().next().value!);
    }
    return fresh;
  };
  db.prepare = prepare as SqliteDatabase['prepare'];
}
