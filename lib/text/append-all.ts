/**
 * Appending one array to another without spreading it into arguments
 * (issue #14). `list.push(...items)` passes every item as an argument, and
 * engines cap arguments at some tens of thousands: a 4.6 MB `.txt` with 200k
 * sentences naming one entity threw "Maximum call stack size exceeded" from
 * exactly that line. A loop has no such cap and is as fast for small arrays.
 * `tests/unit/text/append-all.test.ts` fails when a spread `push(...)` comes
 * back anywhere in the project.
 *
 * @example appendAll(excerpts, excerptsForMentions(article, group))
 */
export function appendAll<Item>(target: Item[], items: Iterable<Item>): Item[] {
  for (const item of items) target.push(item);
  return target;
}
