// Child process of the benchmark: a bare node:http server and the hub, so autocannon (in the parent) does not share their event loop.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startHub } from '../src/index.js';

const BODY = JSON.stringify({ ok: true, items: [1, 2, 3], message: 'hello from the benchmark' });
const SECRET = 'benchmark-secret-0123456789-0123456789-abcdefgh';

const bare = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(BODY) });
    res.end(BODY);
  });
});
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));

const hub = await startHub({
  bundle: fileURLToPath(new URL('./bench-bundle.cjs', import.meta.url)),
  port: 0,
  environment: 'staging',
  watch: false,
  sessionSecrets: [SECRET],
  logger: { log: () => undefined },
});

process.stdout.write(`${JSON.stringify({ bare: `http://127.0.0.1:${(bare.address() as AddressInfo).port}`, hub: hub.url, secret: SECRET, body: BODY })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  bare.close();
  void hub.close().then(() => process.exit(0));
});
