import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract/channels';
import type { BridgeError } from '../../shared/errors';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';

export interface BridgeQuery<T> {
  data: T | null;
  error: BridgeError | null;
  loading: boolean;
  reload: () => Promise<void>;
}

/**
 * Reads one channel when a screen opens, and again on reload(). Small on purpose: the app has
 * one window and one user at a time, so no cache is needed.
 */
export function useBridgeQuery<C extends Channel>(channel: C, input: ChannelInput<C>, enabled = true): BridgeQuery<ChannelOutput<C>> {
  const [data, setData] = useState<ChannelOutput<C> | null>(null);
  const [error, setError] = useState<BridgeError | null>(null);
  const [loading, setLoading] = useState(enabled);
  const inputRef = useRef(input);
  const mounted = useRef(true);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const value = await call(channel, inputRef.current);
      if (mounted.current) {
        setData(value);
        setError(null);
      }
    } catch (failure) {
      if (mounted.current) setError(asBridgeError(failure));
    } finally {
      if (mounted.current) setLoading(false);
    }
  }, [channel]);

  useEffect(() => {
    mounted.current = true;
    if (enabled) void reload();
    return () => {
      mounted.current = false;
    };
  }, [reload, enabled]);

  return { data, error, loading, reload };
}
