/**
 * What went wrong in a JSON text, and where, without quoting it: the files the hub reads hold secrets (client
 * secrets, SMTP passwords), and V8's messages quote the text around the mistake (`Unexpected token 's',
 * "{"clientSecret": s3cr…" is not valid JSON`). Only V8's own wording before `in JSON at position` is kept.
 */
export function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : '';
  const located = /^([^"]{1,80}?) in JSON at position (\d+)/.exec(message);
  if (located !== null && !(located[1] as string).startsWith('Unexpected token')) return `${located[1] as string} at ${lineAndColumn(text, Number(located[2]))}`;
  if (message.startsWith('Unexpected end of JSON input')) return 'it ends too early';
  return 'an unexpected character (it is not JSON)';
}

export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1}`;
}
