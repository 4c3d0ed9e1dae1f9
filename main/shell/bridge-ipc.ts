import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channels } from '../../shared/contract';
import { ipcChannelPrefix } from '../../shared/contract/bridge';
import type { Dispatch } from '../bridge/dispatch';
import { callerFrameUrl, refusedSender, type IpcSender } from './ipc-sender';

/**
 * One ipcMain handler per contract channel. Each call names its sender frame; the dispatcher
 * refuses anything but the main frame of our own window on the app origin, before any service runs.
 */
export function registerBridge(dispatch: Dispatch, appContentsId: () => number | null): void {
  for (const channel of channels) {
    ipcMain.handle(ipcChannelPrefix + channel, (event, input: unknown) => {
      return dispatch(channel, input, { frameUrl: callerFrameUrl(senderOf(event), appContentsId()) });
    });
  }
}

function senderOf(event: IpcMainInvokeEvent): IpcSender {
  try {
    const frame = event.senderFrame;
    return {
      contentsId: event.sender.id,
      frame: frame ? { url: frame.url, isMainFrame: frame.parent === null, detached: frame.detached } : null,
    };
  } catch {
    // A frame torn down mid-call throws on access: treat it as no sender at all.
    return { contentsId: -1, frame: { url: refusedSender, isMainFrame: false, detached: true } };
  }
}
