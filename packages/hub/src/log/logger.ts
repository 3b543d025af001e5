import { redact } from './redact.js';

export { redact } from './redact.js';

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export interface HubLogger {
  log(level: LogLevel, message: string, fields?: LogFields): void;
}

function formatFields(fields: LogFields | undefined): string {
  if (fields === undefined) return '';
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}=${JSON.stringify(value)}`)
    .join('');
}

/** One line per event on stderr; every line passes through `redact`, whatever the caller put in it. */
export function createConsoleLogger(write: (line: string) => void = (line) => process.stderr.write(line)): HubLogger {
  return {
    log(level, message, fields) {
      write(redact(`[hub] ${new Date().toISOString()} ${level} ${message}${formatFields(fields)}\n`));
    },
  };
}

/** Wraps any logger so that a token can never reach it. */
export function redactingLogger(inner: HubLogger): HubLogger {
  return {
    log(level, message, fields) {
      const safeFields = fields === undefined ? undefined : Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, typeof value === 'string' ? redact(value) : value]));
      inner.log(level, redact(message), safeFields);
    },
  };
}
