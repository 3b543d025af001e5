import { parseArgs } from 'node:util';
import { LocalUsageError } from './errors.js';
import type { LocalOptions } from './startLocal.js';

export const USAGE = `Usage: ctp-local --bundle <bundle.min.js> [options]

Runs a commercetools Frontend project's extensions bundle offline: the embedded commercetools platform with
its mail sink, and the API hub on the bundle, reloading it when the file changes.

Options:
  --bundle <file>         the project's extensions bundle (CommonJS), e.g. backend/build/bundle.min.js (required)
  --project <file>        a project file (project.yml or .json); default: settings that point a launchpad-style
                          bundle's commercetools and SMTP settings at the embedded platform
  --pages <file>          a Studio pages JSON file; default: none (every page is a 404)
  --port <port>           the API hub, the frontend-sdk's endpoint (default 8080)
  --platform-port <port>  the embedded commercetools platform (default 8989)
  --smtp-port <port>      its mail sink (default 2525)
  --data <file.sqlite>    keep the platform's data in this file across restarts (default: in memory)
  --storefront <url>      where the storefront runs, for links in mails (default http://127.0.0.1:3000)
  --no-watch              do not reload the bundle when it changes
  -h, --help              this text

Ports: 0 picks a free one. Everything listens on 127.0.0.1 only.`;

export type CommandLine = { readonly help: true } | { readonly help: false; readonly options: LocalOptions };

function port(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) throw new LocalUsageError(`${flag} ${JSON.stringify(value)} is not a port: give a whole number from 0 to 65535.`);
  return parsed;
}

/** `ctp-local`'s arguments; a mistake is a LocalUsageError naming it. */
export function parseCommandLine(args: readonly string[]): CommandLine {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        bundle: { type: 'string' },
        project: { type: 'string' },
        pages: { type: 'string' },
        port: { type: 'string' },
        'platform-port': { type: 'string' },
        'smtp-port': { type: 'string' },
        data: { type: 'string' },
        storefront: { type: 'string' },
        'no-watch': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new LocalUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) return { help: true };
  if (values.bundle === undefined || values.bundle.trim() === '') throw new LocalUsageError('--bundle <file> is required: the extensions bundle to run, e.g. backend/build/bundle.min.js.');
  if (values.storefront !== undefined && !URL.canParse(values.storefront)) throw new LocalUsageError(`--storefront ${JSON.stringify(values.storefront)} is not a URL, e.g. http://127.0.0.1:3000.`);
  const ports = { port: port(values.port, '--port'), platformPort: port(values['platform-port'], '--platform-port'), smtpPort: port(values['smtp-port'], '--smtp-port') };
  return {
    help: false,
    options: {
      bundle: values.bundle,
      ...(values.project === undefined ? {} : { project: values.project }),
      ...(values.pages === undefined ? {} : { pages: values.pages }),
      ...(ports.port === undefined ? {} : { port: ports.port }),
      ...(ports.platformPort === undefined ? {} : { platformPort: ports.platformPort }),
      ...(ports.smtpPort === undefined ? {} : { smtpPort: ports.smtpPort }),
      ...(values.data === undefined ? {} : { dataFile: values.data }),
      ...(values.storefront === undefined ? {} : { storefrontUrl: values.storefront }),
      watch: values['no-watch'] !== true,
    },
  };
}
