// `yarn start:platform`: the embedded commercetools platform on 127.0.0.1.
// The flags go first, so the platform is imported afterwards (static imports would load before them).
import { applyLowMemoryFlags } from './memory.js';

applyLowMemoryFlags();
await import('./serve.js');
