import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract/channels';
import type { MenuCommand } from '../../shared/contract/bridge';
import type { ErrorCode } from '../../shared/errors';
import { BridgeFailure } from './bridge-failure';

type SessionLossListener = (code: ErrorCode) => void;

const sessionLossListeners = new Set<SessionLossListener>();

/**
 * Codes that mean "the screen you are on is out of date": the session was locked or ended
 * behind this screen's back (another window, the menu, a restart of the main process), or the
 * database was found damaged, which ends the session and puts up the store-error screen.
 */
const sessionLossCodes: readonly ErrorCode[] = ['LOCKED', 'NOT_SIGNED_IN', 'DATABASE_DAMAGED'];

export function bridgeAvailable(): boolean {
  return typeof window.skinledger?.invoke === 'function';
}

/**
 * Calls one contract channel. Resolves with its value; rejects with a BridgeFailure carrying
 * the main side's error (never a raw exception), so every screen handles failure one way.
 */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const bridge = window.skinledger;
  if (!bridge) throw new BridgeFailure({ code: 'INTERNAL', message: 'The SkinLedger bridge is not available.' });
  let result;
  try {
    result = await bridge.invoke(channel, input);
  } catch {
    // The transport itself failed (the main process went away): nothing was done.
    throw new BridgeFailure({ code: 'INTERNAL', message: 'SkinLedger did not answer.' });
  }
  if (result.ok) return result.value;
  if (sessionLossCodes.includes(result.error.code)) {
    for (const listener of sessionLossListeners) listener(result.error.code);
  }
  throw new BridgeFailure(result.error);
}

/** Tells the app shell to re-read the status when a call finds the session gone or locked. */
export function onSessionLoss(listener: SessionLossListener): () => void {
  sessionLossListeners.add(listener);
  return () => sessionLossListeners.delete(listener);
}

/** Application-menu commands from the shell; a no-op where there is no menu (browser tests). */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  const bridge = window.skinledger;
  if (!bridge || typeof bridge.onMenu !== 'function') return () => undefined;
  return bridge.onMenu(listener);
}

/**
 * The main process locked the session by itself (the computer's own screen lock, sleep): the
 * window must drop client data at once. A no-op where there is no such event (browser tests).
 */
export function onLockedByMain(listener: () => void): () => void {
  const bridge = window.skinledger;
  if (!bridge || typeof bridge.onSessionLocked !== 'function') return () => undefined;
  return bridge.onSessionLocked(listener);
}
