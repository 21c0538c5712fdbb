import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../src-main/ipc/contract.js';
import { useApp } from '../context/app-context.js';
import { asCallFailure, type CallFailure } from '../transport/errors.js';

export interface Loaded<T> {
  data: T | undefined;
  error: CallFailure | null;
  loading: boolean;
  reload(): Promise<void>;
}

/** Loads one call's result for a screen, with loading and error states and a reload. */
export function useCall<N extends CallName>(name: N, input: CallInput<N> | null): Loaded<CallOutput<N>> {
  const { api } = useApp();
  const [data, setData] = useState<CallOutput<N> | undefined>(undefined);
  const [error, setError] = useState<CallFailure | null>(null);
  const [loading, setLoading] = useState(input !== null);
  const key = input === null ? null : JSON.stringify(input);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    if (key === null) return;
    const ticket = ++latest.current;
    setLoading(true);
    setError(null);
    try {
      const value = await api.call(name, JSON.parse(key) as CallInput<N>);
      if (ticket === latest.current) setData(value);
    } catch (e) {
      if (ticket === latest.current) setError(asCallFailure(e));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [api, name, key]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, loading, reload };
}
