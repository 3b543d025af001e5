// `yarn pack:packages`: one npm tarball per public package, in build/packages/.
//
// In the workspace a package's `exports` point at its TypeScript sources (the other packages, jest and tsx
// use them as they are). What is published is its build: each public package is built, then staged in
// build/stage/<name>/ with its manifest rewritten as pnpm does at publish time (the fields under
// `publishConfig` replace the top-level ones; scripts and devDependencies go), and packed there with `npm pack`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packages, root } from './workspaces.mjs';

// What a published package must declare; the consumer tests and publint check the rest.
const REQUIRED = ['name', 'version', 'description', 'license', 'repository', 'engines', 'sideEffects', 'files', 'exports'];
const PUBLISH_ONLY = ['access', 'registry', 'tag'];
const stageRoot = join(root, 'build', 'stage');
const out = join(root, 'build', 'packages');

function fail(message) {
  console.error(`pack:packages: ${message}`);
  process.exit(1);
}

/** The manifest as published: publishConfig's fields win, workspace-only fields go. */
function publishedManifest(manifest, publicNames) {
  const { publishConfig = {}, scripts: _scripts, devDependencies: _dev, private: _private, ...rest } = manifest;
  const overrides = Object.fromEntries(Object.entries(publishConfig).filter(([key]) => !PUBLISH_ONLY.includes(key)));
  const kept = Object.fromEntries(Object.entries(publishConfig).filter(([key]) => PUBLISH_ONLY.includes(key)));
  const published = { ...rest, ...overrides, ...(Object.keys(kept).length > 0 ? { publishConfig: kept } : {}) };
  for (const field of REQUIRED) if (published[field] === undefined) fail(`${manifest.name} declares no "${field}".`);
  for (const name of Object.keys(published.dependencies ?? {})) {
    if (name.startsWith('@ctp-session/') && !publicNames.includes(name)) fail(`${manifest.name} depends on ${name}, which is not published: bundle it in.`);
  }
  return published;
}

const all = packages();
const publicPackages = all.filter(({ manifest }) => manifest.private !== true);
const publicNames = publicPackages.map(({ manifest }) => manifest.name);
rmSync(stageRoot, { recursive: true, force: true });
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

for (const { name, path, manifest } of publicPackages) {
  if (!manifest.scripts?.build) fail(`packages/${name} is public but has no build script.`);
  const built = spawnSync('yarn', ['run', '--silent', 'build'], { cwd: path, stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status !== 0) fail(`the build of packages/${name} failed.`);
  const stage = join(stageRoot, name);
  mkdirSync(stage, { recursive: true });
  const published = publishedManifest(manifest, publicNames);
  for (const entry of published.files) {
    const from = join(path, entry);
    if (!existsSync(from)) fail(`packages/${name}: "${entry}" is in "files" but does not exist (was it built?).`);
    cpSync(from, join(stage, entry), { recursive: true });
  }
  for (const doc of ['README.md', 'CHANGELOG.md', 'LICENSE']) if (!existsSync(join(stage, doc))) fail(`packages/${name} ships no ${doc} (add it to "files").`);
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(published, null, 2)}\n`);
  const packed = spawnSync('npm', ['pack', '--silent', '--pack-destination', out], { cwd: stage, encoding: 'utf8' });
  if (packed.status !== 0) fail(`npm pack failed for ${manifest.name}:\n${packed.stderr}`);
}

for (const file of readdirSync(out).sort()) console.log(`build/packages/${file}  ${(statSync(join(out, file)).size / 1024).toFixed(1)} KiB`);
