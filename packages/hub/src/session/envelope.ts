import { ENVIRONMENTS, type HubEnvironment } from '../environments.js';

/**
 * What the hub puts in front of the session JSON inside the encrypted payload, so a token carries its own
 * lifetime and cannot be replayed elsewhere: a format version, the environment that issued it, when its
 * session began and when it was last used. Fixed width (10 bytes), so the token length of a session stays exact
 * arithmetic: `packages/session`'s size guard counts these bytes too.
 *
 *   byte 0      format version (1); the JSON of older tokens starts with `{` (0x7b) here
 *   byte 1      environment: 0 development, 1 staging, 2 production
 *   bytes 2-5   issued at, whole seconds since the epoch (uint32, big-endian: good until 2106)
 *   bytes 6-9   last seen at, the same
 */
export const ENVELOPE_BYTES = 10;
const FORMAT_VERSION = 1;
const JSON_OPENING_BRACE = 0x7b;
const MAX_SECONDS = 0xffff_ffff;

export interface SessionStamp {
  readonly environment: HubEnvironment;
  /** Milliseconds since the epoch, to the second: when this session began. */
  readonly issuedAt: number;
  /** Milliseconds since the epoch, to the second: the last answer that carried it. */
  readonly lastSeenAt: number;
}

export type EnvelopeProblem = 'legacy' | 'malformed';

function seconds(milliseconds: number): number {
  return Math.min(MAX_SECONDS, Math.max(0, Math.floor(milliseconds / 1000)));
}

export function envelopeOf(stamp: SessionStamp): Buffer {
  const header = Buffer.alloc(ENVELOPE_BYTES);
  header[0] = FORMAT_VERSION;
  header[1] = ENVIRONMENTS.indexOf(stamp.environment);
  header.writeUInt32BE(seconds(stamp.issuedAt), 2);
  header.writeUInt32BE(seconds(stamp.lastSeenAt), 6);
  return header;
}

/** The stamp and the JSON bytes of a decrypted payload; `legacy` for a token from before the envelope. */
export function openEnvelope(plain: Buffer): { readonly stamp: SessionStamp; readonly json: Buffer } | EnvelopeProblem {
  if (plain[0] === JSON_OPENING_BRACE) return 'legacy';
  if (plain.length < ENVELOPE_BYTES || plain[0] !== FORMAT_VERSION) return 'malformed';
  const environment = ENVIRONMENTS[plain[1] as number];
  if (environment === undefined) return 'malformed';
  return {
    stamp: { environment, issuedAt: plain.readUInt32BE(2) * 1000, lastSeenAt: plain.readUInt32BE(6) * 1000 },
    json: plain.subarray(ENVELOPE_BYTES),
  };
}
