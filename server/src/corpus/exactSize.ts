/** Keeps long-lived corpus arrays small. */

/**
 * The items in an array of exactly their number. An array grown by `push` keeps room for 17
 * items (~150 bytes); a 10,000-page corpus holds ~60,000 small lists, most of one to three items.
 */
export function exactSize<T>(items: T[]): T[] {
  return items.length ? items.slice() : [];
}
