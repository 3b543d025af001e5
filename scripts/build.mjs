// `yarn build`: runs each package's own build (the extensions bundle first, then the frontend).
import { runInEach } from './workspaces.mjs';

const built = runInEach('build', ['session', 'extensions', 'hub', 'platform', 'frontend']);
console.log(built.length === 0 ? 'Nothing to build yet: no package defines a build script.' : `Built: ${built.join(', ')}`);
