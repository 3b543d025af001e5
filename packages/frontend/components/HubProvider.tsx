'use client';

import type { ReactNode } from 'react';
import { SWRConfig } from 'swr';
import { configureFetchApiHub } from '../lib/fetch-api-hub';
import { actionFetcher } from '../lib/queued-action';

let configuredFor: string | undefined;

/**
 * Hands the hub URL the server was started with (HUB_URL, read at run time) to fetchApiHub, and makes
 * action paths the SWR keys of the whole app. `fallback` holds what the server read for them (the header's
 * cart), shown until the browser's own read answers, and all there is without JavaScript.
 */
export function HubProvider({ hubUrl, fallback, children }: { hubUrl: string; fallback: Readonly<Record<string, unknown>>; children: ReactNode }) {
  if (configuredFor !== hubUrl) {
    configureFetchApiHub({ endpoint: hubUrl });
    configuredFor = hubUrl;
  }
  return (
    <SWRConfig value={{ fetcher: actionFetcher, fallback, revalidateOnFocus: false, shouldRetryOnError: false }}>{children}</SWRConfig>
  );
}
