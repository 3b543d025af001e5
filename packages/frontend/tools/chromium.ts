import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); no browser is downloaded. */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless Chromium for the browser tests and benchmarks, without anything that reaches the network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
