/** Words of a text as a search index sees them: lower case, split at anything that is not a letter or digit. */
export function tokens(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

/**
 * A wildcard value (`*` any run, `?` one character) as a matcher of whole texts. Not a regular expression:
 * `^.*a.*a.*a….*b$` backtracks through every way of placing its stars, and eight of them against a
 * 60-character text take minutes. Here each star-free segment is looked for once, leftmost first (for `*`
 * and `?` the leftmost place is always a right one), so a text is read about once per segment, and a pattern
 * with more fixed characters than the text has is refused before reading it.
 */
export function wildcardMatcher(value: string, caseInsensitive: boolean): (text: string) => boolean {
  const fold = (text: string): string[] => [...(caseInsensitive ? text.toLowerCase() : text)];
  const pattern = caseInsensitive ? value.toLowerCase() : value;
  let fixedLength = 0;
  for (const char of pattern) if (char !== '*') fixedLength += 1;
  const anchoredStart = !pattern.startsWith('*');
  const anchoredEnd = !pattern.endsWith('*');
  // Cut into segments only for a text long enough to match: a huge pattern is refused without that work.
  let cut: string[][] | undefined;
  return (input) => {
    const text = fold(input);
    if (fixedLength > text.length) return false;
    cut ??= pattern.split(/\*+/).map((segment) => [...segment]);
    const segments = cut;
    if (segments.length === 1) return text.length === fixedLength && fitsAt(segments[0] as string[], text, 0);
    const first = segments[0] as string[];
    const last = segments[segments.length - 1] as string[];
    if (anchoredStart && !fitsAt(first, text, 0)) return false;
    const end = anchoredEnd ? text.length - last.length : text.length;
    let position = anchoredStart ? first.length : 0;
    for (const segment of segments.slice(anchoredStart ? 1 : 0, anchoredEnd ? -1 : undefined)) {
      const found = leftmost(segment, text, position, end);
      if (found === -1) return false;
      position = found + segment.length;
    }
    return !anchoredEnd || (position <= end && fitsAt(last, text, end));
  };
}

function fitsAt(segment: readonly string[], text: readonly string[], at: number): boolean {
  if (at < 0 || at + segment.length > text.length) return false;
  return segment.every((char, index) => char === '?' || char === text[at + index]);
}

function leftmost(segment: readonly string[], text: readonly string[], from: number, end: number): number {
  for (let at = from; at + segment.length <= end; at += 1) if (fitsAt(segment, text, at)) return at;
  return -1;
}

/** Whether two words are at most `limit` edits apart (Levenshtein), stopping early once they cannot be. */
export function editDistanceAtMost(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return false;
    previous = current;
  }
  return (previous[b.length] as number) <= limit;
}
