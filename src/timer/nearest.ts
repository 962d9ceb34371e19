/**
 * The candidate an unknown key was most likely meant to be (`destinaton-endpoint` →
 * `destination-endpoint`, `sync_level` → `sync-level`), or undefined when none is close: at
 * most one edit (a letter added, dropped, changed, or two swapped) per four letters.
 */
export function nearest(key: string, candidates: readonly string[]): string | undefined {
  const typed = normal(key);
  const allowed = Math.max(1, Math.floor(typed.length / 4));
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(typed, normal(candidate));
    if (distance <= allowed && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

/** Case and `_` for `-` are not typos worth counting. */
function normal(key: string): string {
  return key.toLowerCase().replace(/_/g, '-');
}

/** Edits (insert, delete, substitute, swap two neighbours) from a to b: optimal string alignment. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, at(i - 2, j - 2) + 1);
      }
      (rows[i] as number[])[j] = value;
    }
  }
  return at(a.length, b.length);
}
