import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { redact } from './logger.js';

function redactingStream(target: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      target.write(redact(chunk.toString()));
      done();
    },
  });
}

/**
 * The `console` bundle code sees. Launchpads log every commercetools request and answer outside production
 * (their client's logger middleware): bearer tokens, passwords and e-mail tokens would reach the terminal. Each
 * call writes its whole formatted line in one chunk, so the hub's redaction sees it whole; no colours, so
 * nothing splits a token.
 */
export function createBundleConsole(stdout: NodeJS.WritableStream = process.stdout, stderr: NodeJS.WritableStream = process.stderr): Console {
  return new Console({ stdout: redactingStream(stdout), stderr: redactingStream(stderr), colorMode: false });
}
