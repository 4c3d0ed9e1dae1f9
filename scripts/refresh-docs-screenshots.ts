/**
 * Copies the screenshots the README shows from the last e2e run (tests/e2e/screenshots/, which
 * is ignored) into docs/screenshots/. Run it deliberately after looking at them: tests never
 * write tracked files, so a test run leaves `git status` clean.
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const names = [...new Set([...readme.matchAll(/docs\/screenshots\/([\w.-]+\.png)/g)].map((match) => match[1]!))];
const missing: string[] = [];
for (const name of names) {
  const from = join(root, 'tests/e2e/screenshots', name);
  if (!existsSync(from)) {
    missing.push(name);
    continue;
  }
  copyFileSync(from, join(root, 'docs/screenshots', name));
}
console.log(`Copied ${names.length - missing.length} of ${names.length} screenshots the README shows.`);
if (missing.length > 0) {
  console.error(`Not made by the last e2e run (run npm run test:e2e first): ${missing.join(', ')}`);
  process.exitCode = 1;
}
