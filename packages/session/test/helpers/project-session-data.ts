// The project keys the tests use, added the way a project adds them (declaration merging).
declare module '../../src/index.js' {
  interface SessionData {
    rewardPoints?: number;
    wishlistIds?: string[];
    newsletter?: boolean | null;
  }
}

export {};
