import { fileURLToPath } from 'node:url';
import { startHub, type Hub, type HubLogger, type HubOptions, type LogLevel } from '../../src/index.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const FIXTURE_BUNDLE = `${FIXTURES}bundle.cjs`;
export const FIXTURE_PAGES = `${FIXTURES}pages.json`;
export const SECRET_A = 'test-secret-A-0123456789abcdefghijklmnopqrstuvwxyz';
export const SECRET_B = 'test-secret-B-0123456789abcdefghijklmnopqrstuvwxyz';

export interface LogLine {
  level: LogLevel;
  message: string;
  fields: Record<string, unknown>;
}

export interface TestHub extends Hub {
  readonly logs: LogLine[];
  /** Every log line as it would be printed, to check nothing secret leaks. */
  logText(): string;
}

export function captureLogger(lines: LogLine[]): HubLogger {
  return { log: (level, message, fields) => lines.push({ level, message, fields: { ...(fields ?? {}) } }) };
}

export async function startTestHub(options: HubOptions = {}): Promise<TestHub> {
  const logs: LogLine[] = [];
  const hub = await startHub({
    bundle: FIXTURE_BUNDLE,
    pages: FIXTURE_PAGES,
    port: 0,
    watch: false,
    sessionSecrets: [SECRET_A],
    timeoutMs: 1_000,
    logger: captureLogger(logs),
    ...options,
  });
  return Object.assign(Object.create(hub) as Hub, {
    url: hub.url,
    port: hub.port,
    logs,
    logText: () => logs.map((line) => `${line.level} ${line.message} ${JSON.stringify(line.fields)}`).join('\n'),
    close: () => hub.close(),
  }) as TestHub;
}
