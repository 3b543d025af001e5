import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_PROJECT, hubOptionsFromCommandLine, hubOptionsFromEnv, ProjectError, ProjectFileError, readProjectFile, resolveLocale } from '../src/index.js';
import { parse as parseYamlLibrary } from 'yaml';
import { parseYamlWithUniqueKeys } from '../src/project/parse-yaml.js';
import { bestOfFiveMs } from './support/linear-time.js';
import { rawCall } from './support/raw-call.js';
import { runToExit } from './support/run-to-exit.js';
import { FIXTURES, startTestHub, type TestHub } from './support/start-test-hub.js';

const SETTINGS_BUNDLE = `${FIXTURES}settings-bundle.cjs`;
const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

// Shaped like the platform's project.yml (languages, defaultLanguage, keys only the platform reads).
const PROJECT_YML = `projectId: demo
name: Demo store
customer: acme
apiKey: platform-secret-never-shown
previewUrl: https://demo-acme.frontastic.io/preview
defaultLanguage: en_GB
languages:
  - en_GB
  - de_DE
  - en_US@USD
configuration:
  commercetools:
    projectKey: demo
    clientId: client-from-project-yml
    clientSecret: secret-from-project-yml
  smtp:
    host: 127.0.0.1
    port: 2525
`;

function write(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'hub-project-')), name);
  writeFileSync(file, text);
  return file;
}

interface Shown {
  clientId: { value: unknown; from: string };
  smtpHost: { value: unknown; from: string };
  project: Record<string, unknown>;
  locale: string;
  headerLocale: string;
}

const show = async (hub: TestHub, headers: Record<string, string> = { 'Frontastic-Locale': 'en_GB' }, query = ''): Promise<{ status: number; shown: Shown }> => {
  const raw = await rawCall(`${hub.url}/frontastic/action/settings/show${query}`, { body: '{}', headers });
  return { status: raw.status, shown: raw.json() as Shown };
};

describe('frontasticContext.project from a project.yml-style file', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ bundle: SETTINGS_BUNDLE, pages: undefined, project: write('project.yml', PROJECT_YML) });
  });
  afterAll(() => hub.close());

  it('gives extensions projectId, name, customer, locales, defaultLocale and configuration, and keeps the platform-only keys to itself', async () => {
    const { status, shown } = await show(hub);
    expect(status).toBe(200);
    expect(shown.project).toEqual({
      projectId: 'demo',
      name: 'Demo store',
      customer: 'acme',
      locales: ['en_GB', 'de_DE', 'en_US@USD'],
      defaultLocale: 'en_GB',
      configuration: { commercetools: { projectKey: 'demo', clientId: 'client-from-project-yml', clientSecret: 'secret-from-project-yml' }, smtp: { host: '127.0.0.1', port: 2525 } },
    });
    expect(JSON.stringify(shown)).not.toContain('platform-secret-never-shown');
  });

  it('is where a launchpad-style bundle finds its settings when Studio has none', async () => {
    const { shown } = await show(hub);
    expect(shown.clientId).toEqual({ value: 'client-from-project-yml', from: 'project.configuration' });
    expect(shown.smtpHost).toEqual({ value: '127.0.0.1', from: 'project.configuration' });
  });

  it('gives every call its own copy: what one call changes in its context, the next never sees', async () => {
    expect((await rawCall(`${hub.url}/frontastic/action/settings/mutate`, { body: '{}' })).status).toBe(200);
    expect((await show(hub)).shown.smtpHost).toEqual({ value: '127.0.0.1', from: 'project.configuration' });
  });
});

describe('Studio project configuration wins over project.configuration', () => {
  it('reads the Studio field first, as launchpads do', async () => {
    const hub = await startTestHub({
      bundle: SETTINGS_BUNDLE,
      pages: undefined,
      project: write('project.yml', PROJECT_YML),
      projectConfiguration: { commercetools: { EXTENSION_COMMERCETOOLS_CLIENT_ID: 'client-from-studio' } },
    });
    try {
      const { shown } = await show(hub);
      expect(shown.clientId).toEqual({ value: 'client-from-studio', from: 'projectConfiguration' });
      expect(shown.smtpHost.from).toBe('project.configuration');
    } finally {
      await hub.close();
    }
  });
});

describe('the locale, as the platform picks it', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ bundle: SETTINGS_BUNDLE, pages: undefined, project: { projectId: 'demo', locales: ['en_GB', 'de_DE', 'en_US@USD'], defaultLocale: 'en_GB' } });
  });
  afterAll(() => hub.close());

  it.each([
    ['a project locale', { 'Frontastic-Locale': 'de_DE' }, '', 'de_DE'],
    ['a project locale with a currency', { 'Frontastic-Locale': 'de_DE@EUR' }, '', 'de_DE'],
    ['another case and a dash', { 'Frontastic-Locale': 'DE-de' }, '', 'de_DE'],
    ['the currency the project spells', { 'Frontastic-Locale': 'en_US@USD' }, '', 'en_US@USD'],
    ['a locale the project does not have', { 'Frontastic-Locale': 'fr_FR' }, '', 'en_GB'],
    ['?locale= before the header', { 'Frontastic-Locale': 'en_GB' }, '?locale=de_DE', 'de_DE'],
  ])('%s: frontasticContext.locale is the project\'s spelling, else its default', async (_name, headers, query, locale) => {
    const { shown } = await show(hub, headers, query);
    expect(shown.locale).toBe(locale);
  });

  it('passes a request without Frontastic-Locale on without one, so a launchpad-style action answers its own 503, as on the platform', async () => {
    const { status, shown } = await show(hub, {});
    expect(status).toBe(503);
    expect(shown).toEqual({ message: 'Locale is missing from request' });
    const echoed = await rawCall(`${hub.url}/frontastic/action/settings/show?locale=de_DE`, { body: '{}' });
    expect((echoed.json() as Shown).locale).toBe('de_DE');
  });

  it('resolveLocale: the default for nothing, an empty string, or an unknown locale', () => {
    const project = { ...DEFAULT_PROJECT, locales: ['en_GB@EUR', 'de_DE'], defaultLocale: 'de_DE' };
    expect(resolveLocale(undefined, project)).toBe('de_DE');
    expect(resolveLocale('', project)).toBe('de_DE');
    expect(resolveLocale('en_GB@EUR', project)).toBe('en_GB@EUR');
    // The currency is stripped from the request, not from the project's locale.
    expect(resolveLocale('en_GB', project)).toBe('de_DE');
    expect(resolveLocale('it_IT', project)).toBe('de_DE');
  });
});

describe('bad project input', () => {
  it.each([
    ['YAML that does not parse', 'project.yml', 'projectId: demo\nconfiguration:\n  smtp:\n    password: "s3cret-unclosed\n', 'PROJECT_FILE_INVALID', /is not valid YAML: Missing closing "quote \(MISSING_CHAR\) at line 5, column 1/],
    ['a YAML key given twice', 'project.yml', 'projectId: demo\nprojectId: other\n', 'PROJECT_FILE_INVALID', /Map keys must be unique \(DUPLICATE_KEY\) at line 2, column 1/],
    ['a nested YAML key given twice', 'project.yml', 'projectId: demo\nconfiguration:\n  smtp: { password: s3cret-1, password: s3cret-2 }\n', 'PROJECT_FILE_INVALID', /Map keys must be unique \(DUPLICATE_KEY\) at line 3, column 31/],
    ['YAML keys that become the same field', 'project.yml', 'projectId: demo\nconfiguration:\n  1: s3cret-a\n  "1": s3cret-b\n', 'PROJECT_FILE_INVALID', /Map keys must be unique \(DUPLICATE_KEY\) at line 4, column 3/],
    ['two YAML documents', 'project.yml', 'projectId: demo\n---\nprojectId: s3cret-other\n', 'PROJECT_FILE_INVALID', /is not valid YAML: .*\(MULTIPLE_DOCS\)/],
    ['JSON that does not parse', 'project.json', '{ "projectId": "demo", "configuration": { "smtp": { "password": "s3cret-unclosed" x } } }', 'PROJECT_FILE_INVALID', /is not valid JSON: Expected ',' or '}' after property value at line 1, column 83/],
    ['JSON with a trailing comma', 'project.json', '{ "projectId": "s3cret-unclosed", }', 'PROJECT_FILE_INVALID', /is not valid JSON: /],
    ['an extension the hub cannot read', 'project.toml', 'projectId = "demo"', 'PROJECT_FILE_INVALID', /must end in \.yml, \.yaml or \.json/],
    ['a document that is not a mapping', 'project.yml', '- projectId\n- demo\n', 'PROJECT_INVALID', /the project must be a mapping of fields .*got an array/],
    ['an empty file', 'project.yml', '', 'PROJECT_INVALID', /must be a mapping .*got null/],
    ['a missing projectId', 'project.yml', 'name: Demo\n', 'PROJECT_INVALID', /projectId is missing/],
    ['a projectId of the wrong type', 'project.json', '{ "projectId": 42 }', 'PROJECT_INVALID', /projectId must be a non-empty string, got a number/],
    ['an empty name', 'project.json', '{ "projectId": "demo", "name": "" }', 'PROJECT_INVALID', /name must be a non-empty string/],
    ['locales that are not a list', 'project.yml', 'projectId: demo\nlocales: en_US\n', 'PROJECT_INVALID', /locales must be a non-empty list of locales .*got a string/],
    ['an empty locale list', 'project.yml', 'projectId: demo\nlanguages: []\n', 'PROJECT_INVALID', /languages must be a non-empty list/],
    ['a malformed locale', 'project.yml', 'projectId: demo\nlocales: [en_US, english]\n', 'PROJECT_INVALID', /locales\[1\] must be a locale such as en_US or de_DE@EUR, got "english"/],
    ['locales and languages that disagree', 'project.yml', 'projectId: demo\nlocales: [en_US]\nlanguages: [de_DE]\n', 'PROJECT_INVALID', /locales and languages name the same field and disagree/],
    ['a default locale the project does not have', 'project.yml', 'projectId: demo\nlocales: [en_US]\ndefaultLocale: de_DE\n', 'PROJECT_INVALID', /defaultLocale de_DE is not one of the project's locales \(en_US\)/],
    ['a configuration that is a list', 'project.yml', 'projectId: demo\nconfiguration: [smtp]\n', 'PROJECT_INVALID', /configuration must be a mapping .*got an array/],
    ['a misspelt field', 'project.yml', 'projectId: demo\ndefaultLocal: en_US\n', 'PROJECT_INVALID', /unknown field defaultLocal; the fields are projectId, name, customer, locales, languages, defaultLocale, defaultLanguage, configuration/],
  ])('%s is refused with a named error', async (_name, fileName, text, code, message) => {
    const file = write(fileName, text);
    const error = await startTestHub({ project: file }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(code === 'PROJECT_FILE_INVALID' ? ProjectFileError : ProjectError);
    expect(error).toMatchObject({ code });
    expect((error as Error).message).toMatch(message);
    // Parsers like to quote the broken line; a project file holds secrets.
    expect((error as Error).message).not.toContain('s3cret');
  });

  it('the duplicate-key check is linear: 60,000 keys (1 MB of YAML) cost little more than parsing them', () => {
    // The yaml library's own check compared every key with every earlier one: 40,000 keys took 23 s.
    const text = `projectId: demo\nconfiguration:\n${Array.from({ length: 60_000 }, (_, i) => `  field${i}: value-${i}\n`).join('')}`;
    expect(text.length).toBeGreaterThan(1_000_000);
    const withCheck = bestOfFiveMs(() => parseYamlWithUniqueKeys(text));
    const parsingAlone = bestOfFiveMs(() => parseYamlLibrary(text, { uniqueKeys: false }));
    expect(withCheck).toBeLessThan(3 * parsingAlone);
    expect(() => parseYamlWithUniqueKeys(`${text}  field59999: again\n`)).toThrow(/Map keys must be unique/);
  }, 60_000);

  it('refuses a file that does not exist', () => {
    expect(() => readProjectFile(join(tmpdir(), 'no-such-project.yml'))).toThrow(expect.objectContaining({ code: 'PROJECT_FILE_INVALID', message: expect.stringMatching(/cannot be read .*point HUB_PROJECT \(or --project\) at it/) }));
  });

  it('checks settings given to startHub the same way', async () => {
    await expect(startTestHub({ project: { projectId: 'demo', locales: ['en-US'] } })).rejects.toMatchObject({ code: 'PROJECT_INVALID', message: expect.stringContaining('the project option: locales[0]') });
    await expect(startTestHub({ project: {} as never })).rejects.toMatchObject({ code: 'PROJECT_INVALID' });
  });

  it('refuses a project configuration that cannot travel as JSON', async () => {
    const loop: Record<string, unknown> = {};
    loop['self'] = loop;
    await expect(startTestHub({ projectConfiguration: { General: { loop } } })).rejects.toMatchObject({ code: 'PROJECT_CONFIGURATION_INVALID', message: expect.stringContaining('cannot be sent to extensions as JSON') });
  });
});

describe('yarn start:hub --project and HUB_PROJECT', () => {
  it('reads the file named by HUB_PROJECT, and --project wins over it', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'hub-cli-'));
    expect(hubOptionsFromEnv({ HUB_PROJECT: 'project.yml' }, cwd).project).toBe(join(cwd, 'project.yml'));
    expect(hubOptionsFromCommandLine(['--project', 'cli.yml'], { HUB_PROJECT: 'env.yml' }, cwd).project).toBe(join(cwd, 'cli.yml'));
    expect(hubOptionsFromCommandLine(['--project=other.json'], {}, cwd).project).toBe(join(cwd, 'other.json'));
    expect(hubOptionsFromCommandLine([], {}, cwd)).toEqual({ port: 8080 });
  });

  it.each([
    ['an unknown option', ['--projct', 'x.yml'], /Unknown option '--projct'.*usage: yarn start:hub \[--project/],
    ['--project without a file', ['--project'], /--project <value>' argument missing/],
    ['a stray argument', ['project.yml'], /Unexpected argument 'project\.yml'/],
  ])('refuses %s', (_name, args, message) => {
    expect(() => hubOptionsFromCommandLine(args, {}, tmpdir())).toThrow(expect.objectContaining({ code: 'OPTIONS_INVALID', message: expect.stringMatching(message) }));
  });

  it('exits with the named error when the project file is broken', async () => {
    const file = write('project.yml', 'projectId: [demo\n');
    const result = await runToExit(['--import', 'tsx', CLI, '--project', file], { env: { HUB_PORT: '0', HUB_BUNDLE: SETTINGS_BUNDLE } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/The API hub did not start\.\nPROJECT_FILE_INVALID: The project file .*project\.yml is not valid YAML/);
  }, 30_000);

  it('serves the project from HUB_PROJECT', async () => {
    const file = write('project.json', JSON.stringify({ projectId: 'from-env', customer: 'acme', locales: ['de_DE'] }));
    const result = await runToExit(['--import', 'tsx', CLI], { env: { HUB_PORT: '0', HUB_BUNDLE: SETTINGS_BUNDLE, HUB_PROJECT: file }, untilOutput: /API hub on/ });
    expect(result.code).toBe(0);
  }, 30_000);
});
