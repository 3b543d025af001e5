/** @type {import('next').NextConfig} */
const nextConfig = {
  // The store (packages/store) can build into another folder, e.g. for a test that must not touch `.next`.
  distDir: process.env.STORE_NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  // The workspace's queue package is TypeScript source here (its build is what npm users get).
  transpilePackages: ['@ctp-session/action-queue'],
  // `yarn typecheck` (tsc over the whole package, tests included) is the type check; the build
  // should not fail on a test file or on another package being edited at the same time.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
