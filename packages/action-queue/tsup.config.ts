import { defineConfig } from 'tsup';

// Browser code first (storefronts bundle it), also loadable in Node for server rendering: ESM and CommonJS,
// each with its .d.ts and source map. No dependencies.
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  outDir: 'dist',
});
