import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { createHostCheck, shownHost } from '@ctp-session/hub/host-check';

/** The hosts a part answers besides its own addresses, from its variable (comma-separated). */
export function allowedHostsOf(env: Readonly<Record<string, string | undefined>>, variable: string): string[] {
  return (env[variable] ?? '').split(',').map((host) => host.trim()).filter((host) => host !== '');
}

/**
 * Answers `listener` only for requests whose `Host` is this port's own address (127.0.0.1:<port>,
 * localhost:<port>) or one of `allowedHosts`; any other gets a 403 naming `variable`. Like the hub and the
 * platform, so a web page that rebinds a name of its own to 127.0.0.1 cannot read the store's servers either.
 */
export function answerOwnHostOnly(listener: RequestListener, allowedHosts: readonly string[], variable: string): RequestListener {
  let ownHost: ((host: string | undefined) => boolean) | undefined;
  return (request: IncomingMessage, response: ServerResponse) => {
    const port = request.socket.localPort ?? 0;
    ownHost ??= createHostCheck(port, allowedHosts);
    if (ownHost(request.headers.host)) {
      listener(request, response);
      return;
    }
    request.resume();
    const message = `This server answers requests for its own addresses (127.0.0.1:${port}, localhost:${port}) and the hosts in ${variable} only, not for Host ${shownHost(request.headers.host)}: a web page can reach local servers through a name it controls. If you reach it through that name, add it to ${variable}.`;
    const body = JSON.stringify({ error: { code: 'HOST_NOT_ALLOWED', message } });
    response.writeHead(403, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store', connection: 'close' });
    response.end(body);
  };
}
