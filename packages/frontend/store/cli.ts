// `yarn start`: the whole store on one command. Ctrl-C stops all of it.
import { guardProcessAgainstBundleFaults } from '@ctp-session/hub';
import { startStore } from './startStore.js';

// This program owns the process, as `yarn start:hub` does: a bundle's stray failure (a mail promise it never
// awaits, a throwing timer) is logged by the hub and the store keeps serving; anything else still ends it.
guardProcessAgainstBundleFaults();

try {
  const store = await startStore();
  const platform = store.platform;
  console.log(`
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
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the store…');
    store.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`\nThe store could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
