// Shared jest settings for every package. Tests run as native ES modules
// (node --experimental-vm-modules) so ESM-only dependencies such as jose 6,
// msw and @labdigital/commercetools-mock load exactly as they do in production.
// @swc/jest strips types only; `yarn typecheck` is the type check.
export function preset(displayName) {
  return {
    displayName,
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts', '.tsx'],
    moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
    testMatch: ['<rootDir>/test/**/*.test.ts'],
    // Generous: the suites start real servers, and CI shares two cores between them.
    testTimeout: 30_000,
    // TypeScript sources import siblings as './x.js' (NodeNext); map that back to the .ts file.
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    transform: {
      '^.+\\.tsx?$': [
        '@swc/jest',
        {
          jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } },
          module: { type: 'es6' },
        },
      ],
    },
  };
}
