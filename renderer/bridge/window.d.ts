import type { SkinLedgerBridge } from '../../shared/contract/bridge';

declare global {
  interface Window {
    /** Put there by the preload (or the browser-test harness); absent in a plain browser tab. */
    readonly skinledger?: SkinLedgerBridge;
  }
}

export {};
