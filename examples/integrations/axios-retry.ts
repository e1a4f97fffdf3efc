// axios + axios-retry + vendor-errors: axiosRetryOptions decides and waits from the classification.
import axios, { type AxiosInstance } from 'axios';
import axiosRetry from 'axios-retry';
import { axiosRetryOptions } from '../../src/index.js';

/** An axios instance whose failures are retried when, and as late as, the vendor's error says. */
export function createAxiosClient(baseURL: string, { vendor = 'braze', maxRetries = 3, sleep }: { vendor?: string; maxRetries?: number; sleep?: (ms: number) => Promise<void> } = {}): AxiosInstance {
  const client = axios.create({ baseURL });
  const options = axiosRetryOptions({ vendor, maxRetries });
  axiosRetry(
    client,
    sleep === undefined
      ? options
      : // axios-retry awaits onRetry before its own timer: an injected sleep does the waiting instead.
        { ...options, retryDelay: () => 0, onRetry: (retryCount, error) => sleep(options.retryDelay(retryCount, error)) },
  );
  return client;
}
