import { editDistance } from '../timer/nearest.js';

// One edit distance for the project: a spec file's unknown keys and the command line's flags.
export { editDistance };

/**
 * The candidate nearest to what was typed, when one is near enough to be what was meant: a
 * candidate the typed word begins (`--dest` for `--destination-endpoint`), else the one fewest
 * edits away (a letter added, dropped, changed, or two swapped), within about a third of its
 * length.
 */
export function nearest(typed: string, candidates: readonly string[]): string | undefined {
  const word = typed.toLowerCase();
  const prefixed = candidates.filter((candidate) => candidate.startsWith(word));
  if (word.length >= 3 && prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
