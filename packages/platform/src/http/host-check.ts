/**
 * Whether a request's `Host` names this server (the hub has the same check: neither package depends on the other). A page on any site can make a browser send requests to
 * 127.0.0.1 through a name it controls (DNS rebinding): the browser then sends that name as `Host`, and the
 * same-origin policy lets the page read the answers. A local server that answers only its own addresses
 * (`127.0.0.1:<port>`, `localhost:<port>`) and the names it is told about cannot be read that way.
 *
 * Allow-list entries are host names (any port: `shop.example.test`), `name:port`, or `*` (every host: the check
 * is off). Names compare without case. A request without `Host` is refused: every browser sends one.
 */
export function createHostCheck(port: number, allowedHosts: readonly string[] = []): (host: string | undefined) => boolean {
  const exact = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const anyPort = new Set<string>();
  for (const entry of allowedHosts.map((host) => host.trim().toLowerCase()).filter((host) => host !== '')) {
    if (entry === '*') return () => true;
    if (hostnameOf(entry) === entry) anyPort.add(entry);
    else exact.add(entry);
  }
  return (host) => {
    if (host === undefined || host === '') return false;
    const wanted = host.toLowerCase();
    return exact.has(wanted) || anyPort.has(hostnameOf(wanted));
  };
}

/** `name:port` → `name`; an IPv6 literal keeps its brackets (`[::1]:80` → `[::1]`). */
function hostnameOf(host: string): string {
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    return close === -1 ? host : host.slice(0, close + 1);
  }
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

/** The Host header as shown in an error message: short, printable, so an answer never echoes a long or odd header. */
export function shownHost(host: string | undefined): string {
  if (host === undefined) return '(none)';
  const printable = host.replace(/[^\x21-\x7e]/g, '?');
  return printable.length > 100 ? `${printable.slice(0, 100)}...` : printable;
}
