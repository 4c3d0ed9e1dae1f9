/**
 * What the shell knows about who sent an IPC call, lifted out of Electron's event so the check is
 * a plain function under test.
 */
export interface IpcSender {
  /** webContents id of the sender. */
  contentsId: number;
  /** The sending frame; null when it has already gone (navigated away, closed). */
  frame: { url: string; isMainFrame: boolean; detached: boolean } | null;
}

/** Marker handed to the dispatcher for a sender we will not name: it is never a trusted URL. */
export const refusedSender = 'refused-sender:';

/**
 * The frame URL the dispatcher should judge, or a refusal marker when the call did not come from
 * the main frame of our own window. An iframe, a second webContents or a dying frame never gets
 * to present an app:// URL, even if it somehow loaded one.
 */
export function callerFrameUrl(sender: IpcSender, appContentsId: number | null): string {
  if (appContentsId === null || sender.contentsId !== appContentsId) return `${refusedSender}other-window`;
  const frame = sender.frame;
  if (!frame || frame.detached) return `${refusedSender}no-frame`;
  if (!frame.isMainFrame) return `${refusedSender}sub-frame`;
  return frame.url;
}
