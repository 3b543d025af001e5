import { defineConfig } from 'tsup';

// The published build: ESM and CommonJS (launchpad backends are CommonJS bundles), each with its .d.ts and
// source map. Extension code runs on the platform's Node 22 and 24.
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node22',
  platform: 'node',
  outDir: 'dist',
});
