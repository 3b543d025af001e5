// The Studio check of the store's data (studio-check.ts) as a program: `yarn dev` (packages/store) runs it after
// every save of a tastic's schema.json, a data source or dynamic page schema, or the pages file. It prints one
// problem a line and exits 1, or prints nothing and exits 0. Run it from packages/frontend (its tsconfig: JSX).
import { tastics } from '../tastics/registry';
import { loadStudio, StudioJsonError } from './load-studio';
import { checkStudio } from './studio-check';

try {
  const problems = checkStudio(loadStudio(Object.keys(tastics)));
  for (const problem of problems) console.log(problem);
  process.exitCode = problems.length === 0 ? 0 : 1;
} catch (error) {
  if (!(error instanceof StudioJsonError)) throw error;
  console.log(error.message);
  process.exitCode = 1;
}
