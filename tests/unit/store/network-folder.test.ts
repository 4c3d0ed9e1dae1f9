import { describe, expect, it } from 'vitest';
import { mountOf, networkKindOnMounts, parseMacMountOutput, parseMountinfo, windowsNetworkShare } from '../../../main/store/network-folder';

// Lines as Linux prints them in /proc/self/mountinfo (a space in a mount point is written \040).
const mountinfo = [
  '22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw,errors=remount-ro',
  '30 22 0:26 / /home rw,relatime shared:2 - btrfs /dev/nvme0n1p3 rw',
  '41 30 0:41 / /home/maria/NAS rw,relatime shared:20 - nfs4 nas.local:/clinic rw,vers=4.2',
  '42 22 0:42 / /mnt/front\\040desk rw,relatime shared:21 - cifs //nas/front\\040desk rw,vers=3.1.1',
  '43 22 0:43 / /mnt/ssh rw,nosuid,nodev,relatime shared:22 - fuse.sshfs maria@host:/srv rw,user_id=1000',
  '44 22 0:44 / /media/usb rw,relatime shared:23 - vfat /dev/sdb1 rw',
  '45 22 0:45 / /mnt/smb3 rw,relatime shared:24 - smb3 //server/share rw',
].join('\n');

describe('is the data folder on a network filesystem', () => {
  const mounts = parseMountinfo(mountinfo);

  it('reads Linux mountinfo, escapes and all', () => {
    expect(mounts).toContainEqual({ mountPoint: '/mnt/front desk', fsType: 'cifs' });
    expect(mounts).toHaveLength(7);
  });

  it('finds the innermost mount a folder is on', () => {
    expect(mountOf('/home/maria/NAS/SkinLedger', mounts)?.fsType).toBe('nfs4');
    expect(mountOf('/home/maria/NASA', mounts)?.fsType).toBe('btrfs');
    expect(mountOf('/home/maria/Documents/SkinLedger', mounts)?.fsType).toBe('btrfs');
    expect(mountOf('/var/lib/x', mounts)?.fsType).toBe('ext4');
  });

  it('names NFS, SMB (cifs, smb3) and SSH mounts, and leaves local disks and USB drives alone', () => {
    expect(networkKindOnMounts('/home/maria/NAS/SkinLedger', mounts)).toBe('nfs');
    expect(networkKindOnMounts('/mnt/front desk/records', mounts)).toBe('smb');
    expect(networkKindOnMounts('/mnt/smb3/records', mounts)).toBe('smb');
    expect(networkKindOnMounts('/mnt/ssh/records', mounts)).toBe('sshfs');
    expect(networkKindOnMounts('/home/maria/.config/SkinLedger', mounts)).toBeNull();
    expect(networkKindOnMounts('/media/usb/SkinLedger', mounts)).toBeNull();
  });

  it('reads macOS mount output', () => {
    const mac = parseMacMountOutput(
      [
        '/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)',
        '/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse)',
        '//maria@nas._smb._tcp.local/clinic on /Volumes/clinic (smbfs, nodev, nosuid, mounted by maria)',
        'nas:/export on /Volumes/nfs share (nfs, asynchronous)',
      ].join('\n'),
    );
    expect(networkKindOnMounts('/Volumes/clinic/SkinLedger', mac)).toBe('smb');
    expect(networkKindOnMounts('/Volumes/nfs share/x', mac)).toBe('nfs');
    expect(networkKindOnMounts('/System/Volumes/Data/Users/maria/Library/SkinLedger', mac)).toBeNull();
  });

  it('tells Windows UNC paths from local ones', () => {
    expect(windowsNetworkShare('\\\\NAS\\clinic\\SkinLedger')).toBe('smb');
    expect(windowsNetworkShare('//nas/clinic/SkinLedger')).toBe('smb');
    expect(windowsNetworkShare('\\\\?\\UNC\\nas\\clinic\\SkinLedger')).toBe('smb');
    expect(windowsNetworkShare('\\\\?\\C:\\Users\\Maria\\AppData\\Roaming\\SkinLedger')).toBeNull();
    expect(windowsNetworkShare('C:\\Users\\Maria\\AppData\\Roaming\\SkinLedger')).toBeNull();
    expect(windowsNetworkShare('D:\\SkinLedger')).toBeNull();
  });
});
