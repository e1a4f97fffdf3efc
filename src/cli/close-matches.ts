/**
 * "Did you mean" suggestions for a mistyped command or error id: candidates within a
 * small edit distance, plus candidates that contain what was typed (`explain 503`
 * suggests `http.503`).
 */

/** Levenshtein distance, with an early exit once it exceeds `limit` (returns limit + 1). */
export function editDistance(a: string, b: string, limit: number = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Up to `max` candidates close to `query`, best first: those containing the query (or
 * its part after the first dot), then those within an edit distance of about a third of
 * the query's length.
 */
export function closeMatches(query: string, candidates: readonly string[], max: number = 5): string[] {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') return [];
  const tail = wanted.includes('.') ? wanted.slice(wanted.indexOf('.') + 1) : wanted;
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const distance = editDistance(wanted, lower, limit);
    if (distance <= limit) scored.push({ candidate, score: distance });
    else if (tail.length >= 3 && lower.includes(tail)) scored.push({ candidate, score: limit + 1 + lower.length / 1000 });
  }
  scored.sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate));
  return scored.slice(0, max).map((entry) => entry.candidate);
}
