#!/usr/bin/env node
// `ctp-local`: a project's extensions bundle offline, on the embedded commercetools platform.
import { guardProcessAgainstBundleFaults, HubError } from '@ctp-session/hub';
import { applyLowMemoryFlags, PlatformError } from '@ctp-session/platform';
import { parseCommandLine, USAGE } from './commandLine.js';
import { LocalError, LocalUsageError } from './errors.js';
import { startLocal, type Local } from './startLocal.js';

function describe(error: unknown): string {
  if (error instanceof LocalError || error instanceof HubError || error instanceof PlatformError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

function banner(local: Local, bundle: string): string {
  const { platform } = local;
  return [
    `ctp-local: ${bundle} on the embedded commercetools platform`,
    '',
    `  frontend-sdk endpoint:  ${local.hubUrl}   sdk.configure({ endpoint: '${local.hubUrl}', locale: 'en-US', currency: 'EUR', extensionVersion: 'local' })`,
    `  commercetools API:      ${platform.url} (auth on the same origin), project ${platform.projectKey}, client ${platform.clientId} / ${platform.clientSecret}`,
    `  mail sink:              SMTP ${platform.smtp.host}:${platform.smtp.port}, every mail at ${platform.mailUrl}`,
    `  demo customer:          ${platform.demoCustomer.email} / ${platform.demoCustomer.password}`,
    `  project:                ${local.project ?? "built in: the bundle's commercetools and SMTP settings point here"}`,
    `  data:                   ${platform.dataFile ?? 'in memory, gone when ctp-local stops (--data <file.sqlite> keeps it)'}`,
    '',
    '  The bundle is reloaded when its file changes. Ctrl-C stops everything.',
  ].join('\n');
}

let local: Local | undefined;
try {
  const commandLine = parseCommandLine(process.argv.slice(2));
  if (commandLine.help) {
    console.log(USAGE);
    process.exit(0);
  }
  applyLowMemoryFlags();
  // This program owns the process: a bundle's stray failure (a mail promise it never awaits) is logged, not fatal.
  guardProcessAgainstBundleFaults();
  local = await startLocal(commandLine.options);
  const running = local;
  const stop = (): void => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(banner(running, commandLine.options.bundle));
} catch (error) {
  console.error(`ctp-local: ${describe(error)}`);
  if (error instanceof LocalUsageError) console.error(`\n${USAGE}`);
  process.exit(error instanceof LocalUsageError ? 2 : 1);
}
