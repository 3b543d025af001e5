// Every package with a jest.config.js takes part in `yarn test`.
export default {
  projects: ['<rootDir>/packages/*/jest.config.js'],
  // With `projects`, jest-circus takes the test and hook timeout from this root config (5 s by default),
  // not from the presets: keep it as generous as jest.preset.js says (real servers, two shared cores).
  testTimeout: 30_000,
};
