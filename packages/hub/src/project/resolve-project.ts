import { resolve } from 'node:path';
import type { Project } from '../bundle/extension-types.js';
import { DEFAULT_PROJECT, parseProject, type ProjectSettings } from './project.js';
import { readProjectFile } from './read-project-file.js';

export type { ProjectSettings } from './project.js';

/** The project extensions see: from a file, from settings given to `startHub`, or the local default. */
export function resolveProject(project: string | ProjectSettings | undefined): Project {
  if (project === undefined) return { ...DEFAULT_PROJECT, locales: [...DEFAULT_PROJECT.locales] };
  if (typeof project === 'string') return readProjectFile(resolve(project));
  return parseProject(project, 'the project option');
}
