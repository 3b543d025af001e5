// `yarn start`: the whole store on one command. Ctrl-C at any moment stops all of it.
import { guardProcessAgainstBundleFaults } from '@ctp-session/hub';
import { formatMs } from './progress.js';
import { startStore, type Store } from './startStore.js';
import { StoreStopRequestedError } from './stopRequested.js';

// This program owns the process, as `yarn start:hub` does: a bundle's stray failure (a mail promise it never
// awaits, a throwing timer) is logged by the hub and the store keeps serving; anything else still ends it.
guardProcessAgainstBundleFaults();

const log = (line: string): void => console.log(`[store] ${line}`);
const stopRequest = new AbortController();
let store: Store | undefined;
let stopping = false;

// Installed before anything starts: a Ctrl-C during a build or the start-up stops the build, frees the
// ports and removes the build lock instead of leaving them to the next start. A second Ctrl-C ends at once.
const stop = (signal: NodeJS.Signals): void => {
  if (stopping) {
    console.log('\nStopping at once; the next `yarn start` cleans up what is left.');
    process.exit(130);
  }
  stopping = true;
  console.log(`\n${signal === 'SIGINT' ? 'Ctrl-C' : signal}: stopping the store…`);
  if (store === undefined) stopRequest.abort();
  else closeAndExit(store);
};
const closeAndExit = (running: Store): void => {
  running.close().then(
    () => {
      console.log('Stopped everything the store had started.');
      process.exit(0);
    },
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);

try {
  // Node, tsx compiling the TypeScript, and every package's modules: time the summary should not hide.
  const loadingMs = process.uptime() * 1_000;
  log(`✓ loading the store's code: node and tsx in ${formatMs(loadingMs)}`);
  store = await startStore({ log, signal: stopRequest.signal, earlierSteps: [{ step: "loading the store's code", ms: loadingMs, outcome: 'node and tsx' }] });
  const platform = store.platform;
  console.log(`
${store.summary()}

  The store is running at ${store.url}

  API hub:           ${store.hubUrl}
  Commerce backend:  ${store.backend}${
    platform === undefined
      ? ''
      : `
  Demo customer:     ${platform.demoCustomer.email} / ${platform.demoCustomer.password}
  Mail sink (SMTP):  ${platform.smtp.host}:${platform.smtp.port}, every mail at ${platform.mailUrl}`
  }

  Press Ctrl-C to stop.
`);
  // Asked to stop in the very moment the start-up ended.
  if (stopping) closeAndExit(store);
} catch (error) {
  if (error instanceof StoreStopRequestedError) {
    console.log('Stopped everything the store had started.');
    process.exit(130);
  }
  console.error(`\nThe store could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
