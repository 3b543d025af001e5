import { describe, expect, it } from '@jest/globals';
import * as viaPackageName from '@ctp-session/platform';

// Other packages (the hub, the extensions' tests) import the platform by its package name.
describe('package entry', () => {
  it('exposes startPlatform and its companions under @ctp-session/platform', async () => {
    expect(typeof viaPackageName.startPlatform).toBe('function');
    expect(typeof viaPackageName.platformOptionsFromEnv).toBe('function');
    const platform = await viaPackageName.startPlatform({ seed: false });
    try {
      expect((await fetch(`${platform.url}/__platform/health`)).status).toBe(200);
    } finally {
      await platform.close();
    }
  });
});
