import { createServer } from 'node:net';

/** Whether 127.0.0.1:`port` can be listened on now (0 always can). */
export function canListen(port: number): Promise<boolean> {
  if (port === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
