export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export interface HubLogger {
  log(level: LogLevel, message: string, fields?: LogFields): void;
}

// Three base64url parts separated by dots, as a JWS/JWT is: never written to a log.
const TOKEN_PATTERN = /[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;
// commercetools' tokens are opaque: they are recognised by what stands before them instead.
const CREDENTIAL_PATTERN = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/gi;
const SECRET_PARAMETER_PATTERN = /\b((?:access_token|refresh_token|id_token|password|client_secret|clientSecret|tokenValue)"?\s*[:=]\s*"?)[^\s"&,;}]+/gi;

/** Removes tokens, credentials and secret parameters from text that goes into a log, a header or a body. */
export function redact(text: string): string {
  return text.replace(TOKEN_PATTERN, '[redacted token]').replace(CREDENTIAL_PATTERN, '$1 [redacted]').replace(SECRET_PARAMETER_PATTERN, '$1[redacted]');
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
