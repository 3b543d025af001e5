import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { YAMLError } from 'yaml';
import { ProjectFileError } from '../errors.js';
import type { Project } from '../bundle/extension-types.js';
import { describeJsonError, lineAndColumn } from './json-error.js';
import { parseYamlWithUniqueKeys } from './parse-yaml.js';
import { parseProject } from './project.js';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Where the text is broken, never what it says there: the file holds secrets (client secrets, SMTP
 * passwords) and parsers like to quote the offending line.
 */
function whereBroken(error: unknown, text: string): string {
  if (error instanceof YAMLError) return `${error.message} (${error.code}) at ${lineAndColumn(text, error.pos[0])}`;
  return describeJsonError(error, text);
}

function parseText(text: string, file: string): unknown {
  const json = extname(file).toLowerCase() === '.json';
  try {
    return json ? JSON.parse(text) : parseYamlWithUniqueKeys(text);
  } catch (error) {
    // No `cause`: the parser's own message may quote the line, secrets included.
    throw new ProjectFileError(`The project file ${file} is not valid ${json ? 'JSON' : 'YAML'}: ${whereBroken(error, text)}.`);
  }
}

/** Reads a project file: YAML shaped like the platform's `project.yml` (`.yml`, `.yaml`), or JSON (`.json`). */
export function readProjectFile(file: string): Project {
  const extension = extname(file).toLowerCase();
  if (!['.yml', '.yaml', '.json'].includes(extension)) {
    throw new ProjectFileError(`The project file ${file} must end in .yml, .yaml or .json, so the hub knows how to read it.`);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ProjectFileError(`The project file ${file} cannot be read (${messageOf(error)}); create it or point HUB_PROJECT (or --project) at it.`, { cause: error });
  }
  return parseProject(parseText(text, file), file);
}
