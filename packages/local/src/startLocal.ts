import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { startHub } from '@ctp-session/hub';
import { startPlatform } from '@ctp-session/platform';
import { BundleNotFoundError, LocalFileNotFoundError, LocalPortBusyError } from './errors.js';
import { DEFAULT_STOREFRONT_URL, launchpadSettings } from './launchpadSettings.js';
import { canListen } from './portProbe.js';

export const DEFAULT_HUB_PORT = 8080;
export const DEFAULT_PLATFORM_PORT = 8989;
export const DEFAULT_SMTP_PORT = 2525;

export interface LocalOptions {
  /** The project's extensions bundle (CommonJS), e.g. `backend/build/bundle.min.js`. */
  readonly bundle: string;
  /** A project file (project.yml-style YAML, or JSON). Default: one that points a launchpad-style bundle at the embedded platform. */
  readonly project?: string;
  /** A Studio pages JSON file. Default: none, every page is a 404. */
  readonly pages?: string;
  /** The hub's port, the frontend-sdk's endpoint (default 8080; 0 picks a free one). */
  readonly port?: number;
  /** The embedded platform's port (default 8989; 0 picks a free one). */
  readonly platformPort?: number;
  /** The mail sink's SMTP port (default 2525, or a free one when platformPort is 0). */
  readonly smtpPort?: number;
  /** A SQLite file that keeps the platform's data across restarts. Default: in memory. */
  readonly dataFile?: string;
  /** Where the storefront runs: links in mails point there (default http://127.0.0.1:3000). */
  readonly storefrontUrl?: string;
  /** Reload the bundle and the pages file when they change (default true). */
  readonly watch?: boolean;
  /** The hub's log (default: the console). Tokens and secrets are redacted before it sees them. */
  readonly logger?: LocalLogger;
  /** One line per mail the sink receives (default: the console). */
  readonly onMail?: (line: string) => void;
}

/** One event of the hub's log. */
export interface LocalLogger {
  log(level: 'debug' | 'info' | 'warn' | 'error', message: string, fields?: Readonly<Record<string, unknown>>): void;
}

/** The embedded platform, as a frontend or a test needs to reach it. */
export interface LocalPlatform {
  /** The commercetools API and auth origin, e.g. `http://127.0.0.1:8989`. */
  readonly url: string;
  readonly projectKey: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly demoCustomer: { readonly email: string; readonly password: string };
  readonly smtp: { readonly host: string; readonly port: number };
  /** `GET` lists every mail the sink received (`?to=<address>` filters). */
  readonly mailUrl: string;
  /** The data file, or undefined when the data is in memory. */
  readonly dataFile: string | undefined;
}

export interface Local {
  /** The frontend-sdk's endpoint. */
  readonly hubUrl: string;
  readonly platform: LocalPlatform;
  /** The project file given, or undefined for the built-in launchpad settings. */
  readonly project: string | undefined;
  /** Reloads the bundle now; false (and the old bundle kept) when the new one fails to load. */
  reloadBundle(): boolean;
  /** Stops the hub, then the platform and its mail sink. */
  close(): Promise<void>;
}

function existingFile(flag: string, path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  const file = resolve(path);
  if (!existsSync(file) || !statSync(file).isFile()) {
    if (flag === '--bundle') throw new BundleNotFoundError(file);
    throw new LocalFileNotFoundError(flag, file);
  }
  return file;
}

/**
 * A project's bundle offline, as commercetools Frontend runs it: the embedded commercetools platform with its
 * mail sink, and the API hub on the bundle. Files and ports are checked first, each failure naming the flag.
 */
export async function startLocal(options: LocalOptions): Promise<Local> {
  const bundle = existingFile('--bundle', options.bundle) ?? '';
  const project = existingFile('--project', options.project);
  const pages = existingFile('--pages', options.pages);
  const platformPort = options.platformPort ?? DEFAULT_PLATFORM_PORT;
  const ports = [
    { port: options.port ?? DEFAULT_HUB_PORT, part: 'the API hub', flag: '--port' },
    { port: platformPort, part: 'the embedded commercetools platform', flag: '--platform-port' },
    { port: options.smtpPort ?? (platformPort === 0 ? 0 : DEFAULT_SMTP_PORT), part: 'the mail sink (SMTP)', flag: '--smtp-port' },
  ] as const;
  for (const { port, part, flag } of ports) if (!(await canListen(port))) throw new LocalPortBusyError(port, part, flag);

  const platform = await startPlatform({
    port: ports[1].port,
    smtpPort: ports[2].port,
    ...(options.dataFile === undefined ? {} : { dataFile: resolve(options.dataFile), dataRecovery: 'Move it away (or delete it) to start from the seed.' }),
    ...(options.onMail === undefined ? {} : { onMail: options.onMail }),
  });
  try {
    const settings = launchpadSettings(platform, options.storefrontUrl ?? DEFAULT_STOREFRONT_URL);
    const hub = await startHub({
      bundle,
      port: ports[0].port,
      watch: options.watch ?? true,
      ...(pages === undefined ? {} : { pages }),
      // A project file of the user's is used as it is; the built-in one also fills the Studio fields.
      ...(project === undefined ? { project: settings.project, projectConfiguration: settings.studio } : { project }),
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    });
    return {
      hubUrl: hub.url,
      platform: {
        url: platform.url,
        projectKey: platform.projectKey,
        clientId: platform.clientId,
        clientSecret: platform.clientSecret,
        demoCustomer: platform.demoCustomer,
        smtp: platform.smtp,
        mailUrl: platform.mailUrl,
        dataFile: platform.dataFile,
      },
      project,
      reloadBundle: () => hub.reloadBundle(),
      close: async () => {
        await hub.close();
        await platform.close();
      },
    };
  } catch (error) {
    await platform.close();
    throw error;
  }
}
