const WIDE_CHARACTER = /[^\x00-\x7f]/;

/**
 * UTF-8 byte length of a string without encoding it (no Buffer, so the library runs anywhere).
 * A lone surrogate counts 3 bytes, as its U+FFFD replacement does; JSON.stringify escapes them anyway.
 */
export function utf8ByteLength(text: string): number {
  // Session JSON is mostly ASCII: the regex engine finds the first wider character far faster than a JS loop.
  const firstWide = text.search(WIDE_CHARACTER);
  if (firstWide === -1) return text.length;
  let bytes = text.length;
  for (let i = firstWide; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) {
      bytes += 1;
    } else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        // A surrogate pair: two UTF-16 units, four UTF-8 bytes.
        bytes += 2;
        i++;
      } else {
        bytes += 2;
      }
    } else {
      bytes += 2;
    }
  }
  return bytes;
}
