import { isScalar, parseDocument, visit, YAMLParseError } from 'yaml';

/**
 * YAML with duplicate keys refused: in a hand-written file they are a mistake, and YAML would keep the last
 * silently. The `yaml` library's own check (`uniqueKeys`) compares each key with every earlier one, so 40,000
 * keys took 23 s; here each mapping's keys go through a Set once. Keys that become the same property (`1` and
 * `"1"`) count as the same. Throws the library's `YAMLParseError` (with its position) like `parse` does.
 */
export function parseYamlWithUniqueKeys(text: string): unknown {
  const document = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const [firstError] = document.errors;
  if (firstError !== undefined) throw firstError;
  visit(document, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        const name = String(key.value);
        if (seen.has(name)) throw new YAMLParseError([key.range?.[0] ?? 0, key.range?.[1] ?? 0], 'DUPLICATE_KEY', 'Map keys must be unique');
        seen.add(name);
      }
    },
  });
  return document.toJS();
}
