import type { BridgeResult } from '../errors';
import type { Channel, ChannelInput, ChannelOutput } from './channels';

/** What the application menu asks the window to do; the renderer decides how (and whether). */
export const menuCommands = ['lock', 'about'] as const;
export type MenuCommand = (typeof menuCommands)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (menuCommands as readonly string[]).includes(value);
}

/**
 * The only thing the preload puts in the page, as `window.skinledger`. Every call is checked in
 * the main process against the contract, so the renderer gets a value or a BridgeError, never a
 * thrown exception or a stack.
 */
export interface SkinLedgerBridge {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<BridgeResult<ChannelOutput<C>>>;
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenu(callback: (command: MenuCommand) => void): () => void;
  /**
   * The main process locked the session on its own (the computer's screen was locked or it went
   * to sleep): hide client data and show the lock screen. Returns the unsubscribe function.
   */
  onSessionLocked(callback: () => void): () => void;
}

/** The property name on `window`; kept here so the preload and the renderer cannot drift. */
export const bridgeGlobalName = 'skinledger';

/** The IPC channel prefix, so app channels cannot collide with Electron's or a library's. */
export const ipcChannelPrefix = 'skinledger:';
export const menuEventChannel = 'skinledger-menu';
export const sessionLockedEventChannel = 'skinledger-session-locked';
