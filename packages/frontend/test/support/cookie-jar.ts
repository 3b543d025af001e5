/**
 * A `document.cookie` stand-in with the browser's semantics that matter here: the getter lists
 * `name=value` pairs, the setter stores one cookie and understands `Max-Age`/`Expires` in the past
 * as a deletion. `writes` keeps every raw string written, for checking attributes.
 */
export class CookieJar {
  readonly #values = new Map<string, string>();
  readonly writes: string[] = [];

  get cookie(): string {
    return [...this.#values].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  set cookie(raw: string) {
    this.writes.push(raw);
    const [pair = '', ...attributes] = raw.split(';').map((part) => part.trim());
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator);
    const value = pair.slice(separator + 1);
    const expired = attributes.some((attribute) => {
      const [key = '', val = ''] = attribute.split('=');
      if (key.toLowerCase() === 'max-age') return Number(val) <= 0;
      if (key.toLowerCase() === 'expires') return Date.parse(val) <= Date.now();
      return false;
    });
    if (expired) this.#values.delete(name);
    else this.#values.set(name, value);
  }

  get(name: string): string | undefined {
    return this.#values.get(name);
  }
}
