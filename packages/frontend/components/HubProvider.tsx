'use client';

import type { ReactNode } from 'react';
import { SWRConfig } from 'swr';
import { configureFetchApiHub } from '../lib/fetch-api-hub';
import { actionFetcher } from '../lib/queued-action';

let configuredFor: string | undefined;

/**
 * Hands the hub URL the server was started with (HUB_URL, read at run time) to fetchApiHub, and makes
 * action paths the SWR keys of the whole app.
 */
export function HubProvider({ hubUrl, children }: { hubUrl: string; children: ReactNode }) {
  if (configuredFor !== hubUrl) {
    configureFetchApiHub({ endpoint: hubUrl });
    configuredFor = hubUrl;
  }
  return (
    <SWRConfig value={{ fetcher: actionFetcher, revalidateOnFocus: false, shouldRetryOnError: false }}>{children}</SWRConfig>
  );
}
