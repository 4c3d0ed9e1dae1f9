import type { BridgeError, ErrorCode } from '../../shared/errors';

/** A refused or failed call, carrying the contract's error so screens can show it. */
export class BridgeFailure extends Error {
  readonly error: BridgeError;

  constructor(error: BridgeError) {
    super(error.message);
    this.name = 'BridgeFailure';
    this.error = error;
  }

  get code(): ErrorCode {
    return this.error.code;
  }
}

export function isBridgeFailure(value: unknown): value is BridgeFailure {
  return value instanceof BridgeFailure;
}

/** Anything thrown by a call, as a BridgeError a screen can show. */
export function asBridgeError(value: unknown): BridgeError {
  if (value instanceof BridgeFailure) return value.error;
  return { code: 'INTERNAL', message: value instanceof Error ? value.message : String(value) };
}
