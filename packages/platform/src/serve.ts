// Runs the platform from the environment and prints how to reach it (entry point: cli.ts).
import { platformOptionsFromEnv } from './config.js';
import { PlatformError } from './errors.js';
import { startPlatform } from './start.js';

try {
  const platform = await startPlatform(platformOptionsFromEnv());
  console.log(
    [
      `commercetools platform (local) listening on ${platform.url}`,
      `  CTP_PROJECT_KEY=${platform.projectKey}`,
      `  CTP_CLIENT_ID=${platform.clientId}`,
      `  CTP_CLIENT_SECRET=${platform.clientSecret}`,
      `  CTP_AUTH_URL=${platform.authUrl}`,
      `  CTP_API_URL=${platform.apiUrl}`,
      `  CTP_SCOPES=manage_project:${platform.projectKey}`,
      `  demo customer: ${platform.demoCustomer.email} / ${platform.demoCustomer.password}`,
      `  mail sink (SMTP, any user and password, no TLS): ${platform.smtp.host}:${platform.smtp.port}   inbox: ${platform.mailUrl}`,
      `  counters: ${platform.url}/__platform/counters   faults: ${platform.url}/__platform/faults`,
      platform.dataFile === undefined
        ? '  data: in memory, gone when the platform stops (PLATFORM_DATA_FILE=<file.sqlite> keeps it across restarts)'
        : `  data: ${platform.dataFile} (kept across restarts)`,
    ].join('\n'),
  );
  const stop = () => void platform.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof PlatformError ? `${error.code}: ${error.message}` : error);
  process.exit(1);
}
