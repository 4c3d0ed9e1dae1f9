#!/usr/bin/env node
/**
 * The CLI's entry: nothing but a Node version check, then the CLI itself. The cipher add-on is
 * built for Node 24's ABI, and an older Node crashes loading it (a segmentation fault, no
 * message), so the check must run before anything imports it: no static import here, and only
 * syntax an old Node still reads.
 */
export {};

const needed = 24;
const running = process.versions.node;

if (Number(running.split('.')[0]) < needed) {
  process.stderr.write(`SkinLedger needs Node.js ${needed} or newer (this is ${running}).\n`);
  process.exitCode = 1;
} else {
  await import('./cli-main');
}
