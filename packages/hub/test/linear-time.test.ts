import { describe, expect, it } from '@jest/globals';
import { redact } from '../src/index.js';
import { headerText } from '../src/http/header-names.js';
import { parseQuery } from '../src/http/parse-query.js';
import { normalisePath } from '../src/pages/studio-data.js';
import { bestOfFiveMs, fill, ONE_MB } from './support/linear-time.js';

// Every pattern the hub applies to outside input, against the shapes that made the old ones retry at every
// position: before issue 21 the first one alone took minutes for 1 MB (0.35 s for 16 KB, 5 s for 64 KB).
const HOSTILE: Array<[string, string]> = [
  ['one long word (the JWT pattern retried at every letter)', fill('a')],
  ['dotted words', fill('aaaaaaaa.')],
  ['dots only', fill('.')],
  ['dashes and dots', fill('a-.')],
  ['a secret name followed by 1 MB of spaces', `password${' '.repeat(ONE_MB)}x`],
  ['secret parameters without values', fill('password=')],
  ['secret names opening quotes that never close', fill('token:"')],
  ['the same with single quotes', fill("token:'")],
  ['the same inside a JSON string', fill('token:\\"')],
  ['one 1 MB name before an equals sign', `${fill('a')}=1`],
  ['Bearer after Bearer', fill('Bearer ')],
  ['Bearer and 1 MB of spaces', `Bearer${' '.repeat(ONE_MB)}`],
  ['colons', fill(':')],
  ['short assignments', fill('a=')],
  ['a quoted secret 1 MB long', `password:"${fill('x')}`],
  ['session JSON', fill('{"accessToken":"abc","refreshToken":"def"},')],
  ['punctuation soup', fill('x.y=z"\'\\ ')],
  ['backslashes', fill('\\')],
];

describe('redact() runs in linear time', () => {
  it.each(HOSTILE)('scrubs 1 MB of %s in well under 100 ms', (_shape, text) => {
    expect(bestOfFiveMs(() => redact(text))).toBeLessThan(100);
  });
});

describe('the other patterns applied to outside input run in linear time', () => {
  it('normalisePath trims 1 MB of slashes (a Frontastic-Path) in well under 100 ms', () => {
    const slashes = fill('/');
    expect(bestOfFiveMs(() => normalisePath(`${slashes}x`))).toBeLessThan(100);
    expect(bestOfFiveMs(() => normalisePath(slashes))).toBeLessThan(100);
    expect(normalisePath(slashes)).toBe('/');
    expect(normalisePath(`/a${slashes}`)).toBe('/a');
  });

  it('headerText scrubs 1 MB of extension text in well under 100 ms', () => {
    expect(bestOfFiveMs(() => headerText(fill('a \u0000 ')))).toBeLessThan(100);
    expect(bestOfFiveMs(() => headerText(fill('a')))).toBeLessThan(100);
  });

  it('parseQuery reads 1 MB of brackets in well under 100 ms', () => {
    expect(bestOfFiveMs(() => parseQuery(`a${fill('[')}]=1`))).toBeLessThan(100);
    expect(bestOfFiveMs(() => parseQuery(`a${fill('[]')}=1`))).toBeLessThan(100);
  });
});
