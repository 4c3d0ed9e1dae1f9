import { useBridgeQuery } from '../../hooks/useBridgeQuery';

/** Whether a client's treatment consent is valid, stale or needed (every role may ask; no content comes back). */
export function useConsentStatus(clientId: string) {
  return useBridgeQuery('consents.status', { clientId });
}
