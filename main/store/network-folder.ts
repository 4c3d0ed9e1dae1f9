import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { NetworkShareKind } from '../../shared/contract/channels';

/**
 * Whether a data folder lives on a network filesystem. SQLite's locking is not reliable over
 * NFS, SMB or FUSE network mounts (sqlite.org, "How to corrupt"): two PCs, or a dropped
 * connection mid-write, can damage the store. The live store belongs on a local disk; backups may
 * go to a share. The parsing is pure and tested on sample inputs; only `networkShareOf` reads the
 * system.
 */

const kindsByFsType: Record<string, NetworkShareKind> = {
  nfs: 'nfs',
  nfs4: 'nfs',
  cifs: 'smb',
  smb: 'smb',
  smb2: 'smb',
  smb3: 'smb',
  smbfs: 'smb',
  'fuse.sshfs': 'sshfs',
  sshfs: 'sshfs',
  'fuse.davfs2': 'webdav',
  davfs: 'webdav',
  webdav: 'webdav',
  afpfs: 'other',
  ncpfs: 'other',
  afs: 'other',
  ceph: 'other',
  glusterfs: 'other',
  'fuse.glusterfs': 'other',
  'fuse.rclone': 'other',
  'fuse.s3fs': 'other',
  lustre: 'other',
  gpfs: 'other',
};

function networkKindOfFsType(fsType: string): NetworkShareKind | null {
  return kindsByFsType[fsType.toLowerCase()] ?? null;
}

export interface Mount {
  mountPoint: string;
  fsType: string;
}

/** Linux /proc/self/mountinfo: "36 35 98:0 / /mnt/nas rw,noatime shared:1 - nfs4 server:/x rw,…". */
export function parseMountinfo(text: string): Mount[] {
  const mounts: Mount[] = [];
  for (const line of text.split('\n')) {
    const [before, after] = line.split(' - ');
    if (!before || !after) continue;
    const mountPoint = before.split(' ')[4];
    const fsType = after.split(' ')[0];
    if (mountPoint && fsType) mounts.push({ mountPoint: unescapeOctal(mountPoint), fsType });
  }
  return mounts;
}

/** macOS `mount` output: "//maria@nas/clinic on /Volumes/clinic (smbfs, nodev, nosuid, mounted by maria)". */
export function parseMacMountOutput(text: string): Mount[] {
  const mounts: Mount[] = [];
  for (const line of text.split('\n')) {
    const match = / on (.+) \(([^,)]+)/.exec(line);
    if (match?.[1] && match[2]) mounts.push({ mountPoint: match[1], fsType: match[2].trim() });
  }
  return mounts;
}

/** The mount a path is on: the longest mount point that contains it. */
export function mountOf(path: string, mounts: readonly Mount[]): Mount | null {
  let best: Mount | null = null;
  for (const mount of mounts) {
    const point = mount.mountPoint === '/' ? '/' : mount.mountPoint.replace(/\/+$/, '');
    const inside = point === '/' || path === point || path.startsWith(`${point}/`);
    if (inside && (!best || point.length >= best.mountPoint.length)) best = mount;
  }
  return best;
}

/**
 * Windows, from the path alone: a UNC path (\\server\share\…, //server/share, \\?\UNC\…) is a
 * network share. A drive letter mapped to a share (Z:) looks like a local path here; the shell
 * would need GetDriveType to tell, so it is not warned about.
 */
export function windowsNetworkShare(path: string): NetworkShareKind | null {
  const normalised = path.replaceAll('/', '\\');
  if (/^\\\\\?\\UNC\\/i.test(normalised)) return 'smb';
  if (/^\\\\[?.]\\/.test(normalised)) return null;
  if (/^\\\\[^\\]+\\[^\\]+/.test(normalised)) return 'smb';
  return null;
}

export function networkKindOnMounts(path: string, mounts: readonly Mount[]): NetworkShareKind | null {
  const mount = mountOf(path, mounts);
  return mount ? networkKindOfFsType(mount.fsType) : null;
}

/** Reads this computer's mounts; null (no warning) when they cannot be read. */
export function networkShareOf(dataDir: string, platform: NodeJS.Platform = process.platform): NetworkShareKind | null {
  try {
    if (platform === 'win32') return windowsNetworkShare(dataDir);
    const path = nearestExisting(resolve(dataDir));
    if (platform === 'linux') return networkKindOnMounts(path, parseMountinfo(readFileSync('/proc/self/mountinfo', 'utf8')));
    if (platform === 'darwin') return networkKindOnMounts(path, parseMacMountOutput(execFileSync('/sbin/mount', { encoding: 'utf8', timeout: 2000 })));
    return null;
  } catch {
    return null;
  }
}

/** A fresh install's folder may not exist yet: its nearest existing parent is on the same mount. */
function nearestExisting(path: string): string {
  let current = path;
  while (!existsSync(current) && dirname(current) !== current) current = dirname(current);
  return realpathSync(current);
}

function unescapeOctal(text: string): string {
  return text.replace(/\\([0-7]{3})/g, (_match, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}
