import type { BridgeResult } from '../../shared/errors';
import { isChannel, type Channel, type ChannelInput, type ChannelOutput } from '../../shared/contract/channels';
import { ipcChannelPrefix, isMenuCommand, menuEventChannel, sessionLockedEventChannel, type MenuCommand, type SkinLedgerBridge } from '../../shared/contract/bridge';

/** The few ipcRenderer calls the bridge makes; the page never sees ipcRenderer itself. */
export interface RendererIpc {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const unknownChannel: BridgeResult<never> = { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'That action does not exist.' } };
const lostConnection: BridgeResult<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'Something went wrong and nothing was saved. Please try again; if it keeps happening, restart SkinLedger.' },
};

/**
 * window.skinledger. Only contract channels go through, and the Electron event object (which
 * carries the sender) is never handed to page code.
 */
export function createBridge(ipc: RendererIpc): SkinLedgerBridge {
  const subscribe = (ipcChannel: string, deliver: (args: unknown[]) => void) => {
    const listener = (_event: unknown, ...args: unknown[]) => deliver(args);
    ipc.on(ipcChannel, listener);
    return () => {
      ipc.removeListener(ipcChannel, listener);
    };
  };
  const bridge: SkinLedgerBridge = {
    invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<BridgeResult<ChannelOutput<C>>> {
      if (!isChannel(channel)) return Promise.resolve(unknownChannel);
      // The main side answers with a result value; a rejection means the call never arrived.
      return ipc.invoke(ipcChannelPrefix + channel, input).then(
        (result) => result as BridgeResult<ChannelOutput<C>>,
        () => lostConnection,
      );
    },
    onMenu(callback: (command: MenuCommand) => void) {
      return subscribe(menuEventChannel, ([command]) => {
        if (isMenuCommand(command)) callback(command);
      });
    },
    onSessionLocked(callback: () => void) {
      return subscribe(sessionLockedEventChannel, () => callback());
    },
  };
  return bridge;
}
