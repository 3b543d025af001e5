import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { compatDir, typeErrors } from './helpers/type-check.js';

// A project file extending SessionData, checked with the package's strict options.
const projectFile = join(compatDir, 'virtual-project-extension.ts');
const project = (members: string, use = ''): Record<string, string> => ({
  [projectFile]: `import { CtpSession } from '../../src/index.js';
declare module '../../src/index.js' {
  interface SessionData {
${members}
  }
}
const session = new CtpSession({});
${use}
export {};
`,
});

describe('extending SessionData by declaration merging', () => {
  it('reference keys type-check and are typed in get/set', () => {
    const errors = typeErrors(
      projectFile,
      project('    rewardPoints?: number;\n    wishlistId?: string;\n    recentIds?: string[];', `
session.set('rewardPoints', 70);
const points: number | undefined = session.get('rewardPoints');
session.set('wishlistId', 'w-1');
session.set('recentIds', ['a', 'b']);
void points;`),
    );
    expect(errors).toEqual([]);
  }, 20_000);

  it('a wrongly typed value for a project key is a type error', () => {
    const errors = typeErrors(projectFile, project('    rewardPoints?: number;', "session.set('rewardPoints', 'seventy');"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("'string' is not assignable");
  }, 20_000);

  it('a key the project did not declare is a type error', () => {
    const errors = typeErrors(projectFile, project('    rewardPoints?: number;', "session.set('rewardPionts', 70);"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('rewardPionts');
  }, 20_000);

  it('works through the package name, as another workspace package writes it', () => {
    const file = join(compatDir, 'virtual-consumer.ts');
    const errors = typeErrors(file, {
      [file]: `import { CtpSession, readSession } from '@ctp-session/session';
declare module '@ctp-session/session' {
  interface SessionData {
    rewardPoints?: number;
  }
}
const session = new CtpSession({});
session.set('rewardPoints', 70);
const points: number | undefined = session.get('rewardPoints');
const fromView: number | undefined = readSession({}).rewardPoints;
void points;
void fromView;
`,
    });
    expect(errors).toEqual([]);
  }, 20_000);

  it('a project key holding an object (a whole cart) fails type checking, naming the key', () => {
    const errors = typeErrors(projectFile, project('    cart?: { id: string; lineItems: unknown[] };'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('session-data.ts');
    expect(errors[0]).toContain('Type \'"cart"\' does not satisfy the constraint \'never\'');
  }, 20_000);
});
