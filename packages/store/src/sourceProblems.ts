import { relative } from 'node:path';
import type { SourceProblem } from '@ctp-session/extensions/dev-build';

const SHOWN = 10;

/**
 * Problems as a developer's editor and terminal link them: `path:line:column: message`, the path relative to the
 * repository's root, a message's further lines indented under it; at most ten, then how many more.
 */
export function problemLines(problems: readonly SourceProblem[], root: string): string[] {
  const lines: string[] = [];
  for (const problem of problems.slice(0, SHOWN)) {
    const [first = '', ...rest] = problem.message.split('\n');
    const where = problem.file === undefined ? '' : `${relative(root, problem.file)}:${problem.line}:${problem.column}: `;
    lines.push(`${where}${first}`, ...rest.map((line) => `  ${line}`));
  }
  if (problems.length > SHOWN) lines.push(`… and ${problems.length - SHOWN} more`);
  return lines;
}
