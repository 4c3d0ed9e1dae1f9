import type { PaperSize } from '../pdf/paper';

export interface RecoveryKitInput {
  clinicName: string;
  clinicAddress: string;
  recoveryKey: string;
  createdAt: Date;
  paperSize: PaperSize;
}

/** Placeholder until the Recovery Kit layout lands: replaced in the next commit. */
export async function renderRecoveryKit(_input: RecoveryKitInput): Promise<Buffer> {
  throw new Error('Recovery Kit PDF not built yet');
}
