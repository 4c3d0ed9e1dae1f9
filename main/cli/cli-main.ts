/**
 * The SkinLedger admin CLI (`npm run cli -- <command>`, or `skinledger` once built): the same
 * services as the app, under plain Node, for clinic IT, scripts and our own checks. Started by
 * index.ts once the Node version is known to be new enough.
 */
import { processIo } from './process-io';
import { runCli } from './run-cli';

void runCli(process.argv.slice(2), processIo()).then((code) => {
  // exitCode rather than exit(): stdout is flushed before the process ends.
  process.exitCode = code;
});
