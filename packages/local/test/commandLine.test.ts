import { describe, expect, it } from '@jest/globals';
import { parseCommandLine } from '../src/commandLine.js';
import { LocalUsageError } from '../src/errors.js';

describe("ctp-local's command line", () => {
  it('reads every flag', () => {
    expect(
      parseCommandLine(['--bundle', 'b.js', '--project', 'p.yml', '--pages', 'pages.json', '--port', '0', '--platform-port', '9000', '--smtp-port', '2600', '--data', 'd.sqlite', '--storefront', 'http://localhost:3001', '--no-watch']),
    ).toEqual({
      help: false,
      options: { bundle: 'b.js', project: 'p.yml', pages: 'pages.json', port: 0, platformPort: 9000, smtpPort: 2600, dataFile: 'd.sqlite', storefrontUrl: 'http://localhost:3001', watch: false },
    });
    expect(parseCommandLine(['--bundle', 'b.js'])).toEqual({ help: false, options: { bundle: 'b.js', watch: true } });
    expect(parseCommandLine(['-h'])).toEqual({ help: true });
  });

  it.each([
    [[], /--bundle <file> is required/],
    [['--bundle', ' '], /--bundle <file> is required/],
    [['--bundle'], /argument missing|--bundle/],
    [['--bundle', 'b.js', '--port', 'x'], /--port "x" is not a port/],
    [['--bundle', 'b.js', '--port', '65536'], /--port "65536" is not a port/],
    [['--bundle', 'b.js', '--smtp-port', '1.5'], /--smtp-port "1.5" is not a port/],
    [['--bundle', 'b.js', '--platform-port', ''], /--platform-port "" is not a port/],
    [['--bundle', 'b.js', '--storefront', 'localhost'], /--storefront "localhost" is not a URL/],
    [['--bundle', 'b.js', '--colour'], /Unknown option '--colour'/],
    [['--bundle', 'b.js', 'extra'], /positional/],
  ])('refuses %j with a LocalUsageError that says why', (args, message) => {
    let error: unknown;
    try {
      parseCommandLine(args as string[]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LocalUsageError);
    expect(error).toMatchObject({ code: 'LOCAL_USAGE' });
    expect((error as Error).message).toMatch(message);
  });
});
