// The package ships its typings but its "exports" map hides them from TypeScript's bundler
// resolution; its API is better-sqlite3's, whose typings we borrow.
declare module 'better-sqlite3-multiple-ciphers' {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- an ambient "export =" module can only be re-exported this way
  import Database = require('better-sqlite3');
  export = Database;
}
