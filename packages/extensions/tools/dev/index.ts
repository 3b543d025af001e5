// What `yarn dev` (packages/store) uses of the extensions' build.
export { startDevBuilder, type DevBuild, type DevBuilder } from './devBuilder.js';
export type { Fingerprints } from './registryFingerprints.js';
export type { SourceProblem } from './sourceProblem.js';
export { EXTENSIONS_SETUP, TypeCheckerStoppedError, type TypeCheckSetup } from './typeChecker.js';
