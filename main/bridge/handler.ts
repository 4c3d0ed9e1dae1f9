import type { z } from 'zod';
import type { Channel, Contract } from '../../shared/contract';
import type { SignedIn } from '../app';
import type { DesktopActions } from '../desktop/desktop-actions';
import type { SkinLedgerRuntime } from '../session/runtime';

/** What every handler is handed: the running app, and the desktop around it. */
export interface HandlerContext {
  runtime: SkinLedgerRuntime;
  desktop: DesktopActions;
}

type Input<C extends Channel> = z.output<Contract[C]['input']>;
type Output<C extends Channel> = Promise<z.input<Contract[C]['output']>> | z.input<Contract[C]['output']>;

/** One channel's handler: the input as the contract parsed it, the output as the contract will parse it. */
export type Handler<C extends Channel> = (input: Input<C>, context: HandlerContext) => Output<C>;

/** One handler for each channel of a group: a channel without one does not compile. */
export type HandlersFor<K extends Channel> = { [C in K]: Handler<C> };

/** What a handler of a signed-in channel is handed: who is signed in, their services, and the desktop. */
export interface SignedInContext extends SignedIn {
  desktop: DesktopActions;
}

/**
 * For the channels of a signed-in member of staff: hands the handler `{ services, staff }`
 * (asked of the runtime when the call arrives, so a lock in between is refused) and the desktop.
 */
export function signedIn<C extends Channel>(run: (input: Input<C>, context: SignedInContext) => Output<C>): Handler<C> {
  return (input, { runtime, desktop }) => {
    const { services, staff } = runtime.current();
    return run(input, { services, staff, desktop });
  };
}
