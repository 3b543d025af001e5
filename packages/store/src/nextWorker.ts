// The frontend's server, in a process of its own: Next.js's request handler (its documented custom-server
// API) on the listening socket the store hands over: the production build, or for `yarn dev` Next's development
// server with Turbopack (Next attaches its Fast Refresh socket to the server of the first request itself). The
// store's port is thus never closed between the starting page and the store: a reload during the start-up always
// gets an answer.
// Run by nextServer.ts with `fork`; it talks over the IPC channel only.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Server as NetServer } from 'node:net';
import { allowedHostsOf, answerOwnHostOnly } from './hostGuard.js';

export type WorkerMessage = { readonly kind: 'prepared' } | { readonly kind: 'serving' };

const say = (message: WorkerMessage): void => void process.send?.(message);

/** The part of Next.js's custom-server API used here. */
interface NextApp {
  prepare(): Promise<void>;
  getRequestHandler(): (request: IncomingMessage, response: ServerResponse) => Promise<void>;
}
type CreateNextApp = (options: { dev: boolean; turbopack?: boolean; dir: string; hostname: string; port: number }) => NextApp;

// Loaded by a name TypeScript does not follow: next's declarations make `process.env.NODE_ENV` required
// in every program that sees them, which would break the other packages' type checks.
const nextPackage = 'next';
const { default: createNextApp } = (await import(nextPackage)) as { default: CreateNextApp };
const dev = process.env.STORE_NEXT_DEV === '1';
const app = createNextApp({ dev, ...(dev ? { turbopack: true } : {}), dir: process.cwd(), hostname: '127.0.0.1', port: Number(process.env.STORE_FRONTEND_PORT) });
const handle = app.getRequestHandler();
await app.prepare();

let server: Server | undefined;
process.on('message', (message: unknown, socket: unknown) => {
  if (message !== 'listen' || server !== undefined) return;
  server = createServer(answerOwnHostOnly((request, response) => void handle(request, response), allowedHostsOf(process.env, 'STORE_ALLOWED_HOSTS'), 'STORE_ALLOWED_HOSTS'));
  server.listen(socket as NetServer, () => say({ kind: 'serving' }));
});
// The store went away without stopping us (killed): do not serve on alone.
process.on('disconnect', () => process.exit(0));
say({ kind: 'prepared' });
