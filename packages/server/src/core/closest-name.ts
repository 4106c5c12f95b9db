/** Edit distance (insertions, deletions, substitutions) between two short names. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

const ignoreCase = (name: string): string => name.toUpperCase();

/**
 * The known name a mistyped one most likely meant, for a "did you mean" hint: the nearest by edit
 * distance, if it is within `maxDistance` edits (a wild guess helps nobody); null otherwise.
 * Names are compared after `normalize` (by default, case is ignored).
 */
export function closestName(
  name: string,
  known: Iterable<string>,
  maxDistance = 3,
  normalize: (name: string) => string = ignoreCase,
): string | null {
  let best: string | null = null;
  let bestDistance = maxDistance + 1;
  const wanted = normalize(name);
  for (const candidate of known) {
    const d = editDistance(wanted, normalize(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
