import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { CurrentStep } from './progress.js';

const RETRY_AFTER_SECONDS = 2;

/** Marks the answer of a port holder, so the starting page can tell it from the store's own pages. */
export const STARTING_HEADER = 'x-store-starting';

export interface StartingAnswer {
  readonly status: 'starting';
  /** The part of the store that will answer on this port. */
  readonly part: string;
  readonly message: string;
  /** The start-up step running now, if any. */
  readonly step?: string;
  readonly stepSeconds?: number;
  readonly retryAfterSeconds: number;
}

/**
 * What a port answers while the store starts: `503` with `Retry-After`, at once and with
 * `Connection: close`. Browsers get a page that says what the store is doing and reloads itself once the
 * store answers; every other client gets the same as JSON.
 */
export function startingAnswer(part: string, now: () => CurrentStep | undefined): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    const step = now();
    const answer: StartingAnswer = {
      status: 'starting',
      part,
      message: `The store is starting; ${part === 'the store' ? 'it opens' : `${part} answers`} in a moment. Try again after ${RETRY_AFTER_SECONDS} seconds.`,
      ...(step === undefined ? {} : { step: step.step, stepSeconds: Math.round(step.sinceMs / 1_000) }),
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    };
    const headers = {
      'retry-after': String(RETRY_AFTER_SECONDS),
      'cache-control': 'no-store',
      connection: 'close',
      [STARTING_HEADER]: '1',
    };
    // Drain whatever the client sends, so it sees the answer instead of a reset.
    request.resume();
    if (wantsHtml(request)) {
      response.writeHead(503, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      response.end(request.method === 'HEAD' ? undefined : startingHtml(answer));
    } else {
      response.writeHead(503, { ...headers, 'content-type': 'application/json' });
      response.end(request.method === 'HEAD' ? undefined : JSON.stringify(answer));
    }
  };
}

function wantsHtml(request: IncomingMessage): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html') && request.method !== 'POST';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function stepText(answer: StartingAnswer): string {
  return answer.step === undefined ? 'Starting…' : `Now: ${answer.step} (${answer.stepSeconds ?? 0} s).`;
}

// The page asks again itself instead of a meta refresh: between the starting page and the store there
// is a moment with nothing on the port, and a refresh landing there would leave the browser on its own
// "connection refused" page. A failed request is simply asked again.
function startingHtml(answer: StartingAnswer): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The store is starting…</title>
<noscript><meta http-equiv="refresh" content="${answer.retryAfterSeconds}"></noscript>
<style>body{font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:90vh;margin:0;color:#1f2937}main{max-width:32rem;padding:2rem;text-align:center}p{color:#4b5563}</style>
</head>
<body>
<main>
<h1>The store is starting</h1>
<p id="store-starting-step">${escapeHtml(stepText(answer))}</p>
<p>This page opens the store by itself as soon as it is ready.</p>
</main>
<script>
(function ask() {
  fetch(location.href, { headers: { accept: 'application/json' }, cache: 'no-store' }).then(function (answer) {
    if (answer.headers.get('${STARTING_HEADER}') !== '1') { location.reload(); return; }
    return answer.json().then(function (body) {
      document.getElementById('store-starting-step').textContent = body.step ? 'Now: ' + body.step + ' (' + body.stepSeconds + ' s).' : 'Starting…';
      setTimeout(ask, 500);
    });
  }).catch(function () { setTimeout(ask, 500); });
})();
</script>
</body>
</html>
`;
}
