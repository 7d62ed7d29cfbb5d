// Flattens a site's selector data into named single selectors, so each can be counted on each fixture.
type SelectorData = Record<string, unknown>;

export function flattenSelectors(data: SelectorData, fields: readonly string[]): Array<[name: string, selector: string]> {
  const out: Array<[string, string]> = [];
  const add = (name: string, value: unknown) => {
    if (typeof value === 'function') {
      for (const f of fields) add(`${name}(${f})`, (value as (f: string) => unknown)(f));
    } else if (Array.isArray(value)) {
      value.forEach((s, i) => out.push([`${name}[${i}]`, s as string]));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) add(`${name}.${k}`, v);
    }
    // plain strings are attribute names or class names, not selectors
  };
  for (const [k, v] of Object.entries(data)) add(k, v);
  return out;
}
