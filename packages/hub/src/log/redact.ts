/**
 * Removes tokens, credentials and secret parameters from text that goes into a log, a header or a body.
 *
 * Every pattern here runs on text an outsider chooses (URLs, action names, bundle console lines), on the
 * hub's only thread, so each one is linear in the length of the text: a pattern may only start where a run
 * of its characters starts (a lookbehind says so), and what it scans once it never scans again. The tests
 * pin that with 1 MB of hostile input per shape.
 */

// A JWS/JWT is three base64url parts joined by dots. Runs of those characters are found first (each run is
// scanned once, from its start only); the few long enough are then split at their dots.
const DOTTED_RUN = /(?<![A-Za-z0-9_.-])[A-Za-z0-9_.-]{26,}/g;
const TOKEN_PART_LENGTH = 8;

// commercetools' tokens are opaque: they are recognised by what stands before them instead.
const CREDENTIAL = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/gi;

// `name=`, `name:`, `"name":`, `name: '`, `\"name\":` (JSON inside a string): the value that follows is read
// by `valueAt`, only when the name is a secret one.
const PARAMETER = /(?<![A-Za-z0-9_-])([A-Za-z_][A-Za-z0-9_-]*)\\?["']?\s*[:=]\s*/g;
const BARE_VALUE = /[^\s"'\\&,;{}[\]][^\s"'\\&,;}]*/y;
// A quoted value is redacted up to its closing quote on the same line, and at most this far: each scan stops
// at the first quote, line end or limit, so no character is scanned twice.
const QUOTED_VALUE: Readonly<Record<string, RegExp>> = { '"': /(?:[^"\\\n]|\\.){0,1024}/y, "'": /(?:[^'\\\n]|\\.){0,1024}/y };
// Inside a JSON string (`\"password\":\"…\"`) the value ends at the next backslash.
const ESCAPED_QUOTED_VALUE = /[^"'\\\n]{0,1024}/y;

/**
 * Names whose value is a secret: every spelling the project and commercetools use (`access_token`,
 * `accessToken`, `refresh-token`, `client_secret`, `EXTENSION_SMTP_PASSWORD`, `tokenValue`, nodemailer's `pass`,
 * a revocation's `token=`, …), compared without case, `_` and `-`.
 */
const SECRET_SUFFIXES = ['token', 'secret', 'password', 'passwd', 'apikey'] as const;
// `pass` is nodemailer's name for the SMTP password (`auth: { user, pass }`), which launchpads' mail code logs.
const SECRET_NAMES = new Set(['tokenvalue', 'pass']);

// The shortest secret name (`pass`): shorter names, most of a text's `a=b`, are passed over at once.
const SHORTEST_SECRET_NAME = 4;

function isSecretName(name: string): boolean {
  if (name.length < SHORTEST_SECRET_NAME) return false;
  const plain = name.replace(/[_-]/g, '').toLowerCase();
  return SECRET_NAMES.has(plain) || SECRET_SUFFIXES.some((suffix) => plain.endsWith(suffix));
}

function isJwsLike(run: string): boolean {
  let consecutive = 0;
  for (const part of run.split('.')) {
    consecutive = part.length >= TOKEN_PART_LENGTH ? consecutive + 1 : 0;
    if (consecutive === 3) return true;
  }
  return false;
}

/** The value starting at `start` (inside its quotes, which are kept), if any. */
function valueAt(text: string, start: number): { from: number; to: number } | undefined {
  const escaped = text[start] === '\\';
  const quote = text[escaped ? start + 1 : start] ?? '';
  const quoted = escaped ? (quote === '"' ? ESCAPED_QUOTED_VALUE : undefined) : QUOTED_VALUE[quote];
  const from = quoted === undefined ? start : start + (escaped ? 2 : 1);
  const pattern = quoted ?? BARE_VALUE;
  pattern.lastIndex = from;
  return pattern.test(text) && pattern.lastIndex > from ? { from, to: pattern.lastIndex } : undefined;
}

function redactParameters(text: string): string {
  let out = '';
  let copied = 0;
  PARAMETER.lastIndex = 0;
  for (let match = PARAMETER.exec(text); match !== null; match = PARAMETER.exec(text)) {
    if (!isSecretName(match[1] as string)) continue;
    const value = valueAt(text, PARAMETER.lastIndex);
    if (value === undefined) continue;
    out += `${text.slice(copied, value.from)}[redacted]`;
    copied = value.to;
    PARAMETER.lastIndex = value.to;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

export function redact(text: string): string {
  const withoutTokens = text.replace(DOTTED_RUN, (run) => (isJwsLike(run) ? '[redacted token]' : run));
  return redactParameters(withoutTokens.replace(CREDENTIAL, '$1 [redacted]'));
}
