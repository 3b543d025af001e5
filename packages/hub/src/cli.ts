import { hubOptionsFromCommandLine } from './command-line.js';
import { HubError } from './errors.js';
import { startHub } from './hub.js';
import { guardProcessAgainstBundleFaults } from './run/process-guard.js';

// `yarn start:hub`: serves the bundle on 127.0.0.1:${HUB_PORT:-8080} until interrupted.
// This program owns the process, so it is the one that keeps a bundle's stray failures from ending it.
guardProcessAgainstBundleFaults();
try {
  const hub = await startHub(hubOptionsFromCommandLine(process.argv.slice(2)));
  const stop = (): void => {
    hub.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // Before announcing the URL: whoever reads it may signal us at once.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdout.write(`API hub on ${hub.url} (${hub.environment})\n  try: curl -i -X POST ${hub.url}/frontastic/action/<namespace>/<action> -d '{}'\n`);
} catch (error) {
  const message = error instanceof HubError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
  process.stderr.write(`The API hub did not start.\n${message}\n`);
  process.exit(1);
}
