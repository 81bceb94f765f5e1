/**
 * The one binary search the core's sorted span/token lists need: how many leading items
 * satisfy a predicate that holds for a prefix and fails after it (the partition point).
 */
export function partitionPoint(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
