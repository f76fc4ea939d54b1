/**
 * The outcome of reading one configured value: the value, or a message saying what it must
 * be (the caller prefixes the variable's name). Pure.
 */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * A comma list read entry by entry; the message names the first wrong entry by position and
 * quotes it (only for lists that hold nothing secret).
 */
export function parseCommaList<T>(
  text: string,
  parseEntry: (entry: string) => T | undefined,
  expected: string,
): ParseResult<T[]> {
  const values: T[] = [];
  for (const [index, entry] of text.split(",").entries()) {
    const value = parseEntry(entry);
    if (value === undefined) {
      return { ok: false, message: `entry ${index + 1} ("${entry.trim()}") is not ${expected}` };
    }
    values.push(value);
  }
  return { ok: true, value: values };
}
