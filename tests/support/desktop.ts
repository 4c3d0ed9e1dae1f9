import { DesktopActions } from '../../main/desktop/desktop-actions';
import type { DesktopPorts } from '../../main/desktop/ports';
import type { SkinLedgerRuntime } from '../../main/session/runtime';

/** A desktop whose every dialog is cancelled and whose printer is cancelled too. */
export const cancellingPorts: DesktopPorts = {
  chooseSavePath: async () => null,
  chooseOpenPath: async () => null,
  chooseFolder: async () => null,
  printPdf: async () => false,
};

/** The desktop actions a test hands the dispatcher: the dialogs it names, every other one cancelled. */
export function testDesktop(runtime: SkinLedgerRuntime, ports: Partial<DesktopPorts> = {}): DesktopActions {
  return new DesktopActions({ runtime, ports: { ...cancellingPorts, ...ports } });
}
