import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-process';
import { openAsStaff } from './store-fixture';

const admin = 'Ann Admin';
const password = 'correct horse battery staple';
let root: string;
let store: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'skinledger-cli-stock-'));
  store = join(root, 'store');
  expect((await runCli(['init', '--data', store, '--clinic', 'Demo Clinic', '--admin', admin], { password })).code).toBe(0);
  const { services, staffId, dataKey } = await openAsStaff(store, admin, password);
  try {
    services.stock.addProduct(staffId, { category: 'cartridge', name: '16-pin cartridge', maker: '', model: '', configuration: '16-pin', compatibleDevice: '', size: '', minimumOnHand: null });
  } finally {
    services.close();
    dataKey.fill(0);
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('stock from the command line', () => {
  it('receives a delivery file, then lists lots on hand, and only those expiring soon with --expiring', async () => {
    const file = join(root, 'delivery.csv');
    writeFileSync(file, 'product,lot,expiry,quantity,supplier\n16-pin cartridge,CT-2099-1,12/2099,10,Demo Supplies\n16-pin cartridge,CT-OLD-1,01/2020,2,Demo Supplies\n');
    const received = await runCli(['stock', 'receive', '--data', store, '--user', admin, '--file', file], { password });
    expect(received.stdout).toContain('Received 2 lines (12 units) into 2 lots.');
    expect(received.code).toBe(0);
    const all = await runCli(['stock', 'list', '--data', store, '--user', admin], { password });
    expect(
      all.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t').slice(0, 5)),
    ).toEqual([
      ['2020-01-31', '16-pin cartridge', 'CT-OLD-1', '2020-01', '2'],
      ['2099-12-31', '16-pin cartridge', 'CT-2099-1', '2099-12', '10'],
    ]);
    const soon = await runCli(['stock', 'list', '--data', store, '--user', admin, '--expiring', '30'], { password });
    expect(
      soon.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t')[2]),
    ).toEqual(['CT-OLD-1']);
  });
});
