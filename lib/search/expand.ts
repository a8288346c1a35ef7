// Query term expansion: typos (symmetric deletes over the real word forms, then edit distance)
// and prefixes of the word being typed.
import { pushTo, type Engine } from "./engine";
import type { SearchOptions } from "./options";

function typoEligible(term: string, options: SearchOptions): boolean {
  return term.length >= options.typo.minLength && term.length <= 40 && /^[a-z_]+$/.test(term);
}

function deletesOf(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < term.length; i++) out.push(term.slice(0, i) + term.slice(i + 1));
  return out;
}

function getSpellings(engine: Engine): NonNullable<Engine["spellings"]> {
  if (engine.spellings) return engine.spellings;
  const words: string[] = [];
  const termIds: number[] = [];
  const deletes = new Map<string, number[]>();
  engine.terms.forEach((term, termId) => {
    const forms = engine.forms[termId] ?? "";
    for (const word of new Set([term, ...(forms ? forms.split(" ") : [])])) {
      if (!typoEligible(word, engine.options)) continue;
      const spelling = words.length;
      words.push(word);
      termIds.push(termId);
      for (const key of new Set([word, ...deletesOf(word)])) pushTo(deletes, key, spelling);
    }
  });
  engine.spellings = { words, termIds, deletes };
  return engine.spellings;
}

/** Optimal string alignment distance (adjacent transpositions count as one edit), capped at `max + 1`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previous2[j - 2] ?? 0) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

/** A vocabulary term reached by a query term; `weight` = factor × idf, what one match is worth. */
export type TermMatch = { termId: number; factor: number; weight: number };

/** Vocabulary terms one or two edits from the word as typed (compared with real words, not stems). */
export function typoMatches(engine: Engine, word: string): TermMatch[] {
  const { typo } = engine.options;
  if (!typoEligible(word, engine.options)) return [];
  const spellings = getSpellings(engine);
  const maxDistance = word.length >= typo.twoEditsFrom ? 2 : 1;
  const found = new Map<number, number>();
  for (const key of [word, ...deletesOf(word)]) {
    for (const spelling of spellings.deletes.get(key) ?? []) {
      const termId = spellings.termIds[spelling] ?? -1;
      const distance = editDistance(word, spellings.words[spelling] ?? "", maxDistance);
      if (termId >= 0 && distance <= maxDistance && distance < (found.get(termId) ?? Infinity)) found.set(termId, distance);
    }
  }
  // The likeliest correction is the most frequent word (as in classic spelling correction), so
  // the weight follows frequency: a rare neighbour (high idf) must not outscore the common one.
  const ranked = [...found.entries()]
    .sort((a, b) => a[1] - b[1] || (engine.termDocs[b[0]]?.length ?? 0) - (engine.termDocs[a[0]]?.length ?? 0))
    .slice(0, typo.maxExpansions);
  const top = Math.max(...ranked.map(([termId]) => engine.termDocs[termId]?.length ?? 0), 1);
  const topIdf = Math.min(...ranked.map(([termId]) => engine.idf[termId] ?? 0));
  return ranked.map(([termId, distance]) => {
    const factor = typo.factor ** distance;
    const share = Math.sqrt((engine.termDocs[termId]?.length ?? 0) / top);
    return { termId, factor, weight: factor * topIdf * share };
  });
}

export function prefixMatches(engine: Engine, prefix: string): TermMatch[] {
  const { terms } = engine;
  const settings = engine.options.prefix;
  if (prefix.length < settings.minLength) return [];
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((terms[mid] ?? "") < prefix) low = mid + 1;
    else high = mid;
  }
  const found: number[] = [];
  for (let i = low; i < terms.length && found.length < 200; i++) {
    const term = terms[i] ?? "";
    if (!term.startsWith(prefix)) break;
    if (term !== prefix) found.push(i);
  }
  return found
    .sort((a, b) => (engine.termDocs[b]?.length ?? 0) - (engine.termDocs[a]?.length ?? 0))
    .slice(0, settings.maxExpansions)
    .map((termId) => ({ termId, factor: settings.factor, weight: settings.factor * (engine.idf[termId] ?? 0) }));
}
