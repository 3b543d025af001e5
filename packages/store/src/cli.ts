// `yarn start` (and `yarn dev`, the same program with --dev): the whole store on one command. Ctrl-C at any
// moment stops all of it.
//
// Only the signal handlers are set up before the rest loads: importing the store (tsx compiling every
// package) takes seconds, and a Ctrl-C in those seconds must be answered too, not kill the process mid-way.
import type { Store } from './startStore.js';

const EXIT_CODES: Readonly<Record<string, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
const dev = process.argv.slice(2).includes('--dev');
const command = dev ? 'yarn dev' : 'yarn start';
const stopRequest = new AbortController();
let store: Store | undefined;
let stopping: NodeJS.Signals | undefined;

const closeAndExit = (running: Store): void => {
  running.close().then(
    () => {
      console.log('Stopped everything the store had started.');
      process.exit(0);
    },
    () => process.exit(1),
  );
};
// A second signal ends at once.
const stop = (signal: NodeJS.Signals): void => {
  if (stopping) {
    console.log(`\nStopping at once; the next \`${command}\` cleans up what is left.`);
    process.exit(EXIT_CODES[signal] ?? 1);
  }
  stopping = signal;
  console.log(`\n${signal === 'SIGINT' ? 'Ctrl-C' : signal}: stopping the store…`);
  if (store === undefined) stopRequest.abort();
  else closeAndExit(store);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);

const USAGE = `Usage: yarn start [--fresh]     the store as it is deployed: production builds
       yarn dev [--fresh]       the store for development: every save live (same as yarn start --dev)

  --dev     development: the extensions bundle rebuilt, type-checked and swapped into the hub on every save,
            Next.js's development server (Turbopack, Fast Refresh), Studio's schemas and pages checked on save
  --fresh   start from the seed: the data folder's database and session secret are moved aside (kept beside
            them as backups) first
  --help    this text

The store keeps its data in STORE_DATA_DIR (default .store/ at the repository root). Ports: PORT, HUB_PORT,
PLATFORM_PORT, PLATFORM_SMTP_PORT. A real commercetools project: CTP_PROJECT_KEY, CTP_CLIENT_ID,
CTP_CLIENT_SECRET, CTP_AUTH_URL, CTP_API_URL (and CTP_SCOPES).`;
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const unknown = args.filter((arg) => arg !== '--fresh' && arg !== '--dev');
if (unknown.length > 0) {
  console.error(`${command}: unknown argument ${unknown.map((arg) => `'${arg}'`).join(', ')}.\n\n${USAGE}`);
  process.exit(2);
}
const fresh = args.includes('--fresh');
console.log("[store] ▸ loading the store's code…");

const { guardProcessAgainstBundleFaults } = await import('@ctp-session/hub');
const { formatMs } = await import('./progress.js');
const { startStore } = await import('./startStore.js');
const { StoreStopRequestedError } = await import('./stopRequested.js');
const { DEFAULT_DATA_DIR } = await import('./dataFolder.js');
const { resolve } = await import('node:path');
// Node, tsx compiling the TypeScript, and every package's modules: time the summary should not hide.
const loadingMs = process.uptime() * 1_000;
const log = (line: string): void => console.log(`[store] ${line}`);

if (stopping) {
  console.log('Stopped before anything had started.');
  process.exit(EXIT_CODES[stopping] ?? 1);
}

// This program owns the process, as `yarn start:hub` does: a bundle's stray failure (a mail promise it never
// awaits, a throwing timer) is logged by the hub and the store keeps serving; anything else still ends it.
guardProcessAgainstBundleFaults();

try {
  log(`✓ loading the store's code: node and tsx in ${formatMs(loadingMs)}`);
  const dataDir = resolve(process.env.STORE_DATA_DIR?.trim() || DEFAULT_DATA_DIR);
  store = await startStore({
    mode: dev ? 'development' : 'production',
    log,
    dataDir,
    fresh,
    signal: stopRequest.signal,
    earlierSteps: [{ step: "loading the store's code", ms: loadingMs, outcome: 'node and tsx' }],
  });
  const platform = store.platform;
  console.log(`
${store.summary()}

  The store is running at ${store.url}${dev ? ' for development' : ''}

  API hub:           ${store.hubUrl}
  Data:              ${store.dataDir ?? 'in memory'} (kept across restarts; \`${command} --fresh\` starts from the seed)
  Commerce backend:  ${store.backend}${
    platform === undefined
      ? ''
      : `
  Demo customer:     ${platform.demoCustomer.email} / ${platform.demoCustomer.password}
  Mail sink (SMTP):  ${platform.smtp.host}:${platform.smtp.port}, every mail at ${platform.mailUrl}`
  }${
    dev
      ? `
  Live:              a save under packages/extensions/src or packages/session/src swaps the bundle in (one line
                     each); tastics and pages update through Fast Refresh; schema.json and studio/pages.json are
                     checked on save`
      : ''
  }

  Press Ctrl-C to stop.
`);
  // Asked to stop in the very moment the start-up ended.
  if (stopping) closeAndExit(store);
} catch (error) {
  if (error instanceof StoreStopRequestedError) {
    console.log('Stopped everything the store had started.');
    process.exit(EXIT_CODES[stopping ?? 'SIGINT'] ?? 1);
  }
  console.error(`\nThe store could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
