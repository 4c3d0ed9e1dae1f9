import type { ZodError } from 'zod';
import { contract, isChannel, type BridgeError, type BridgeResult } from '../../shared/contract';
import { holdAnchorsWhile } from '../audit/audit-anchor';
import { StoreError } from '../store/store-error';
import { databaseDamage, storageFailure } from '../store/storage-failure';
import type { DesktopActions } from '../desktop/desktop-actions';
import type { SkinLedgerRuntime } from '../session/runtime';
import type { HandlerContext } from './handler';
import { handlers as defaultHandlers, type Handlers } from './handlers';

export interface Caller {
  /** URL of the frame that sent the call, as the shell (or the test harness) saw it. */
  frameUrl: string;
}

export interface DispatchOptions {
  isTrustedSender: (frameUrl: string) => boolean;
  handlers?: Handlers;
  /** Where unexpected failures are reported for developers. Receives no input payloads. */
  reportFault?: (channel: string, error: unknown) => void;
}

export type Dispatch = (channel: unknown, input: unknown, caller: Caller) => Promise<BridgeResult<unknown>>;

const internalMessage = 'Something went wrong and nothing was saved. Please try again; if it keeps happening, restart SkinLedger.';

/**
 * The only door into the main process: checks the sender, the channel, who is signed in and
 * their role, parses the input with the contract, runs the handler and parses its output. Every
 * outcome is a value; nothing thrown here reaches the shell.
 */
export function createDispatcher(runtime: SkinLedgerRuntime, desktop: DesktopActions, options: DispatchOptions): Dispatch {
  const handlers = options.handlers ?? defaultHandlers;
  const context: HandlerContext = { runtime, desktop };
  return async (channel, input, caller) => {
    try {
      if (!options.isTrustedSender(caller.frameUrl)) {
        return failure({ code: 'UNTRUSTED_SENDER', message: 'This request did not come from SkinLedger and was refused.' });
      }
      if (!isChannel(channel)) return failure({ code: 'UNKNOWN_CHANNEL', message: 'That action does not exist.' });
      const spec = contract[channel];
      const refused = checkAccess(runtime, channel, spec.access);
      if (refused) return failure(refused);
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) return failure(invalidInput(parsed.error));
      const handler = handlers[channel] as (input: unknown, context: HandlerContext) => unknown;
      // The audit anchor moves once, as the handler ends, before the answer goes back.
      const value: unknown = await holdAnchorsWhile(() => handler(parsed.data, context));
      return { ok: true, value: spec.output.parse(value) };
    } catch (error) {
      // A page that no longer reads back ends the session at once: nothing more is written.
      const damage = databaseDamage(error);
      if (damage) {
        if (!(error instanceof StoreError)) options.reportFault?.(typeof channel === 'string' ? channel.slice(0, 64) : 'unknown', error);
        runtime.stopOnDamage(damage);
        return failure({ code: damage.code, message: damage.message });
      }
      if (error instanceof StoreError) {
        return failure({
          code: error.code,
          message: error.message,
          ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
          ...(error.fields !== undefined ? { fields: error.fields } : {}),
        });
      }
      options.reportFault?.(typeof channel === 'string' ? channel.slice(0, 64) : 'unknown', error);
      // A full or read-only disk is told as such (the transaction was rolled back), not as "something went wrong".
      const storage = storageFailure(error);
      if (storage) return failure({ code: storage.code, message: storage.message });
      return failure({ code: 'INTERNAL', message: internalMessage });
    }
  };
}

function checkAccess(runtime: SkinLedgerRuntime, channel: string, access: (typeof contract)[keyof typeof contract]['access']): BridgeError | null {
  if (access === 'public') return null;
  const staff = runtime.signedIn();
  if (!staff) return { code: 'NOT_SIGNED_IN', message: 'Please sign in.' };
  if (access === 'locked') return runtime.isLocked() ? null : { code: 'CONFLICT', message: 'The screen is not locked.' };
  if (runtime.isLocked()) return { code: 'LOCKED', message: 'The screen is locked. Enter your password to carry on.' };
  if (!access.includes(staff.role)) {
    return { code: 'FORBIDDEN', message: 'Your role does not allow this. Ask an admin if you need it.' };
  }
  if (!whileOneTimePassword.has(channel) && runtime.mustChooseOwnPassword()) {
    return { code: 'FORBIDDEN', message: 'Choose your own password first: you signed in with a one-time password.' };
  }
  return null;
}

/** What someone signed in with a one-time password may do before choosing their own. */
const whileOneTimePassword: ReadonlySet<string> = new Set(['session.changePassword', 'session.lock', 'session.signOut']);

function invalidInput(error: ZodError): BridgeError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues.slice(0, 50)) {
    const path = issue.path.map(String).join('.').slice(0, 200) || '_';
    fields[path] ??= issue.message.slice(0, 300);
  }
  const first = Object.values(fields)[0];
  return { code: 'INVALID_INPUT', message: first ? `Please check the form: ${first}` : 'Please check the form.', fields };
}

function failure(error: BridgeError): BridgeResult<never> {
  return { ok: false, error };
}
