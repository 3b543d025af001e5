import { defineConfig } from 'tsup';

// One ESM build for Node 22 and 24: the workspace's platform and hub are bundled in (they are not published);
// the third-party packages they use stay `dependencies`, installed beside it.
export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node22',
  platform: 'node',
  outDir: 'dist',
  noExternal: [/^@ctp-session\//],
  // node:sqlite exists only with its prefix.
  removeNodeProtocol: false,
});
