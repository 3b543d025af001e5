import { buildBundle, DEFAULT_BUNDLE_PATH } from './buildBundle.js';

const size = await buildBundle();
console.log(`extensions bundle: ${DEFAULT_BUNDLE_PATH} (${(size / 1024).toFixed(0)} KiB)`);
