import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { readClientList } from '../../main/import/read-client-list';
import { guessMapping } from '../../shared/import/import-fields';
import { encryptedStore } from './bench-stores';
import type { Row } from './bench-row';

const firstNames = ['Zoë', 'José', 'Anaïs', 'Björn', 'Chloé', 'Łucja', 'Mary', 'Ahmed', 'Siobhán', 'Noël'];
const lastNames = ['Nguyễn', 'García', 'Müller', 'O’Brien', 'Søndergaard', 'Smith', 'Dubois', 'Kowalski', 'Rossi', 'Brontë'];

/** A client list as another system exports it on a Windows PC: Windows-1252, semicolons, day-first dates. */
function clientList(clients: number): Buffer {
  const lines = ['First name;Last name;Date of birth;Mobile;Email;Postcode;Notes'];
  for (let i = 0; i < clients; i++) {
    const first = firstNames[i % firstNames.length]!;
    const last = `${lastNames[Math.floor(i / firstNames.length) % lastNames.length]!}${i}`;
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    lines.push(`${first};${last};${day}/${month}/19${60 + (i % 40)};07700 ${String(900000 + i).slice(-6)};client${i}@example.org;TR11 ${i % 9}HH;"Imported; café visit"`);
  }
  // Characters outside Windows-1252 (ễ, Ł) become "?" as Excel would write them.
  return iconv.encode(lines.join('\r\n'), 'windows-1252');
}

/**
 * Importing a clinic's client list: 10,000 clients read from a Windows-1252 CSV (detected),
 * mapped from the header, and imported in batches with the search index built, on a fresh
 * encrypted store. Once: a second run of the same file adds nobody, so there is nothing to repeat.
 */
export async function measureImportRow(root: string, clients: number, log: (text: string) => void): Promise<Row> {
  const folder = join(root, 'import');
  mkdirSync(folder, { recursive: true });
  const store = await encryptedStore(folder);
  try {
    const bytes = clientList(clients);
    log(`bench: import of ${clients.toLocaleString('en')} clients (${Math.round(bytes.length / 1024)} KB)`);
    const start = process.hrtime.bigint();
    const list = readClientList(bytes);
    const result = await store.services.clientImport.run(store.staffId, list, { fileName: 'clients.csv', mapping: guessMapping(list.headers), dateOrder: 'dmy', matching: 'skip' });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (result.added !== clients) throw new Error(`bench: the import added ${result.added} of ${clients} clients`);
    if (store.services.clients.find('brontë', { offset: 0, limit: 1 }).total === 0) throw new Error('bench: the imported clients are not in the search index');
    return {
      row: 'import',
      work: `import ${clients.toLocaleString('en')} clients from a Windows-1252 CSV (read, map, import, search index)`,
      ours: { value: Math.round(seconds * 100) / 100, unit: 's' },
      baseline: null,
      ratio: null,
      target: '< 10 s',
      pass: seconds < 10,
    };
  } finally {
    store.services.close();
  }
}
