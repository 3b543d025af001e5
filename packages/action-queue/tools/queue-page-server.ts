// Serves the package's `src/` to a real browser as ES modules, on 127.0.0.1, for the browser tests of the
// queue's browser-wide rules and for `yarn bench`. The TypeScript is only stripped of its
// types (typescript's transpileModule, the repo's own compiler), not bundled: the page runs the modules
// exactly as they are, with no Next.js around them. 127.0.0.1 is a secure context, so Web Locks exist.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SOURCES = fileURLToPath(new URL('../src/', import.meta.url));

/**
 * The page: `window.queue` is an ActionQueue ordered across tabs by a Web Lock (`?lock=`; `?noLocks`
 * plays a browser without Web Locks), `window.reports` collects its long-item reports (`?reportMs=`);
 * `?handOver=hold` makes each hand-over to another tab wait for `release('handover')`, `=fail` gives it a
 * hook that throws, `=cookie` waits for the `probe` cookie to settle.
 * `addItem(id, how)` queues a task that logs its start and end in `window.log` (with the cookies it
 * saw when it started), waits for `release(hold)` and/or `ms`, optionally fails, and can be aborted
 * with `abortItem(id)`; `outcome(id)` is how it settled.
 */
const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>actionQueue</title>
<script>
// A development build, as far as the queue can tell (its long-item report runs only there).
window.process = { env: { NODE_ENV: 'development' } };
</script>
<script type="module">
import { ActionQueue, QueueAbortedError, QueueClearedError, QueueTimeoutError, cookieSettled } from '/src/index.js';
const params = new URLSearchParams(location.search);
if (params.has('noLocks')) Object.defineProperty(Navigator.prototype, 'locks', { value: undefined, configurable: true });
const reportMs = Number(params.get('reportMs') ?? '0');
window.reports = [];
const gates = new Map();
const gate = (name) => new Promise((resolve) => gates.set(name, resolve));
const handOver = params.get('handOver');
window.queue = new ActionQueue({
  beforeHandOver:
    handOver === 'hold' ? () => gate('handover')
    : handOver === 'fail' ? () => { throw new Error('hand-over hook failed'); }
    : handOver === 'cookie' ? () => cookieSettled('probe')
    : undefined,
  lockName: params.get('lock') ?? 'ctp-session:test-queue',
  longItemReportMs: reportMs > 0 ? reportMs : false,
  report: (message) => window.reports.push(message),
});
window.ActionQueue = ActionQueue;
window.errors = { QueueAbortedError, QueueClearedError, QueueTimeoutError };
window.cookieSettled = cookieSettled;
window.release = (name) => gates.get(name)?.();
window.now = () => performance.timeOrigin + performance.now();
window.log = [];
const items = new Map();
window.addItem = (id, how = {}) => {
  const controller = new AbortController();
  const promise = window.queue.add(async () => {
    const entry = { id, start: window.now(), cookie: document.cookie };
    window.log.push(entry);
    if (how.hold) await gate(how.hold);
    if (how.ms) await new Promise((resolve) => setTimeout(resolve, how.ms));
    entry.end = window.now();
    if (how.fail) throw new Error('item failed: ' + id);
    if (how.setCookie) document.cookie = how.setCookie;
    return id;
  }, { timeoutMs: how.timeoutMs, signal: controller.signal });
  const outcome = promise.then(
    (value) => ({ ok: true, value }),
    (error) => ({ ok: false, name: error?.name, code: error?.code, started: error?.started }),
  );
  items.set(id, { controller, outcome });
};
window.abortItem = (id) => items.get(id)?.controller.abort();
window.outcome = (id) => items.get(id)?.outcome;
// Tests call harness() inside page.evaluate: their own typed declaration of it, this one at run time.
window.harness = () => window;
window.ready = true;
</script>`;

export interface QueuePageServer {
  /** The page's URL; add `?noLocks`, `?reportMs=100`, `?lock=name` as needed. */
  readonly url: string;
  close(): Promise<void>;
}

const compiled = new Map<string, string>();

async function sourceModule(name: string): Promise<string | undefined> {
  if (!/^[a-z-]+$/.test(name)) return undefined;
  const cached = compiled.get(name);
  if (cached !== undefined) return cached;
  const source = await readFile(`${SOURCES}${name}.ts`, 'utf8').catch(() => undefined);
  if (source === undefined) return undefined;
  const output = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
  }).outputText;
  compiled.set(name, output);
  return output;
}

export async function startQueuePageServer(): Promise<QueuePageServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(PAGE);
      return;
    }
    // The sources import each other as './x' (as Next.js code does): /src/x is src/x.ts, types stripped.
    const name = /^\/src\/([a-z-]+)(?:\.js)?$/.exec(path)?.[1];
    void (name === undefined ? Promise.resolve(undefined) : sourceModule(name)).then((code) => {
      if (code === undefined) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      response.end(code);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
