import { readFileSync, writeFileSync } from 'node:fs';
import { extract, pack } from 'tar-stream';
import { manifestMac, manifestMacKey } from '../../../main/backup/tar-format';

export interface TarMember {
  name: string;
  bytes: Buffer;
}

/** Every member of a (small) tar backup, in order. */
export async function tarMembers(path: string): Promise<TarMember[]> {
  const reader = extract();
  const members: TarMember[] = [];
  const done = (async () => {
    for await (const entry of reader) {
      const pieces: Buffer[] = [];
      for await (const piece of entry) pieces.push(piece as Buffer);
      members.push({ name: entry.header.name, bytes: Buffer.concat(pieces) });
    }
  })();
  reader.end(readFileSync(path));
  await done;
  return members;
}

export async function writeTar(path: string, members: TarMember[]): Promise<void> {
  const writer = pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const chunk of writer) chunks.push(chunk as Buffer);
  })();
  for (const member of members) {
    await new Promise<void>((resolve, reject) => writer.entry({ name: member.name, size: member.bytes.length, mode: 0o600 }, member.bytes, (error) => (error ? reject(error) : resolve())));
  }
  writer.finalize();
  await done;
  writeFileSync(path, Buffer.concat(chunks));
}

/**
 * A forger with the data key: edits the description, the manifest or the members of a good
 * backup and seals the manifest again, so the MAC matches and only the later checks can catch it.
 */
export async function forgeTar(
  good: string,
  path: string,
  dataKey: Buffer,
  change: (backup: { description: Record<string, unknown>; manifest: { members: { path: string; size: number; sha256: string }[] } & Record<string, unknown>; members: TarMember[] }) => void,
): Promise<string> {
  const members = await tarMembers(good);
  const description = JSON.parse(members[0]!.bytes.toString('utf8')) as Record<string, unknown>;
  const manifest = JSON.parse(members.find((member) => member.name === 'manifest.json')!.bytes.toString('utf8'));
  const inner = members.filter((member) => !['skinledger-backup.json', 'manifest.json', 'manifest.mac'].includes(member.name));
  change({ description, manifest, members: inner });
  const descriptionBytes = Buffer.from(JSON.stringify(description), 'utf8');
  const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  const mac = manifestMac(manifestMacKey(dataKey, description as never), descriptionBytes, manifestBytes);
  await writeTar(path, [
    { name: 'skinledger-backup.json', bytes: descriptionBytes },
    ...inner,
    { name: 'manifest.json', bytes: manifestBytes },
    { name: 'manifest.mac', bytes: Buffer.from(mac.toString('hex'), 'utf8') },
  ]);
  return path;
}
