// Every package with a jest.config.js takes part in `yarn test`.
export default {
  projects: ['<rootDir>/packages/*/jest.config.js'],
};
