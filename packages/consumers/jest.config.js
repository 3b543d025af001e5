import { preset } from '../../jest.preset.js';

// The tarballs are packed once, before any test file runs (yarn pack:packages).
export default { ...preset('consumers'), globalSetup: '<rootDir>/test/support/pack.mjs' };
