import type { Transaction } from 'better-sqlite3-multiple-ciphers';
import type { SqliteDatabase } from './open-database';

type Listener = () => void;
type AnyTransaction = Transaction<(...args: unknown[]) => unknown>;

const listeners = new WeakMap<SqliteDatabase, Set<Listener>>();

/**
 * Calls `listener` right after each outermost `db.transaction(...)` commits, before the call that
 * ran it returns: the audit anchor moves with every saved change, before the screen hears
 * "saved". better-sqlite3 has no commit hook, so `db.transaction` is wrapped once per
 * connection (as statement-cache wraps `prepare`); a transaction that throws rolled back and
 * calls nothing. A listener must not throw. Returns a function that removes the listener.
 */
export function afterEachCommit(db: SqliteDatabase, listener: Listener): () => void {
  let set = listeners.get(db);
  if (!set) {
    set = new Set();
    listeners.set(db, set);
    wrapTransactions(db, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}

function wrapTransactions(db: SqliteDatabase, set: Set<Listener>): void {
  const make = db.transaction.bind(db) as (fn: (...args: unknown[]) => unknown) => AnyTransaction;
  const afterOutermost =
    (run: (...args: unknown[]) => unknown) =>
    (...args: unknown[]): unknown => {
      const result = run(...args);
      // Nested calls run inside the outer one as savepoints; only the outermost commits.
      if (!db.inTransaction) for (const listener of set) listener();
      return result;
    };
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const made = make(fn);
    const wrapped = afterOutermost(made) as AnyTransaction;
    wrapped.deferred = afterOutermost(made.deferred) as AnyTransaction;
    wrapped.immediate = afterOutermost(made.immediate) as AnyTransaction;
    wrapped.exclusive = afterOutermost(made.exclusive) as AnyTransaction;
    wrapped.default = wrapped;
    return wrapped;
  }) as SqliteDatabase['transaction'];
}
