/** What a data key change says when it cannot go ahead: for the screen and the CLI alike. */
export const rekeyMessages = {
  wrongPassword: 'That is not your password. Type the password you sign in with.',
  adminNotActive: 'Only an active admin can change the data key.',
  backupRunning: 'A backup or restore is running. Wait for it to finish, then change the data key.',
  alreadyRunning: 'The data key is already being changed.',
  staffChanged: 'The staff list changed while the data key was being changed, so nothing was changed. Try again.',
  photoDamaged: 'A photo file is damaged, so the data key was not changed (nothing was lost). Run a check (verify) and restore the photo from a backup first.',
  copyFailed: 'The re-keyed copy of the records did not check out, so the data key was not changed. Nothing was lost. Check the free space on the drive and try again.',
  couldNotMove: 'The data folder could not be swapped for the re-keyed one (a file in it may be open in another program), so the data key was not changed. Close other programs and try again.',
  noRecoveryKey: 'The new recovery key is shown only once, straight after the change. It can no longer be saved.',
} as const;
