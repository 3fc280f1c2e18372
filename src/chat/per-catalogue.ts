import type { Strings } from './strings-en.js';

/**
 * A value built once per catalogue, e.g. zod schemas carrying one language's messages: building a zod
 * schema and compiling it on its first parse costs about 0.2 ms, too much to repeat for every command.
 */
export function perCatalogue<T>(build: (t: Strings) => T): (t: Strings) => T {
  const built = new WeakMap<Strings, T>();
  return (t) => {
    let value = built.get(t);
    if (value === undefined) {
      value = build(t);
      built.set(t, value);
    }
    return value;
  };
}
