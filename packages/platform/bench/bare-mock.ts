// Baseline for the benchmark: @labdigital/commercetools-mock alone, no auth, on 127.0.0.1:$PORT,
// with the same V8 memory flags as the platform's CLI so the ratios compare like with like.
import { applyLowMemoryFlags } from '../src/memory.js';

applyLowMemoryFlags();
const { CommercetoolsMock } = await import('@labdigital/commercetools-mock');

const mock = new CommercetoolsMock({ enableAuthentication: false, validateCredentials: false, defaultProjectKey: 'demo', silent: true });
await mock.app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.once('SIGTERM', () => void mock.app.close().then(() => process.exit(0)));
