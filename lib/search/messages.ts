// Exact and close matching of message templates, found through their rarest terms.
import type { Engine } from "./engine";
import type { QueryPlan } from "./plan";
import { toDistinctTerms } from "./normalize";

/**
 * `library`: the library that prints the matched message, when known. `named`: the message is
 * printed by the product its entry is about (a Keycloak text on a `specific_to: [keycloak]`
 * entry), so pasting it names that product.
 */
export type MessageMatch = { doc: number; exact: boolean; bonus: number; library?: string; named?: true };

/**
 * Message templates matched by the input: exactly (the template inside a pasted line, or a pasted
 * fragment of three or more terms inside the template) or closely (80 % of its terms present).
 */
export function matchMessages(engine: Engine, plan: QueryPlan): MessageMatch[] {
  const { messageSeen } = engine.scratch;
  const docs = engine.docs;
  const weightPerTerm = engine.options.bonus.message / 2;
  const queryTerms = new Set<number>();
  // Words reached through a typo ("respnse") count towards a close match, at their discount.
  const typoTerms = new Map<number, number>();
  for (const matches of plan.resolved) {
    for (const match of matches) {
      if (match.factor === 1) queryTerms.add(match.termId);
      else typoTerms.set(match.termId, Math.max(typoTerms.get(match.termId) ?? 0, match.factor));
    }
  }
  const candidates: number[] = [];
  const found: MessageMatch[] = [];
  // Templates that normalise alike (one log event with different error= values) count once per document.
  const counted = new Set<string>();
  const firstTime = (doc: number, norm: string): boolean => {
    const key = `${doc} ${norm}`;
    if (counted.has(key)) return false;
    counted.add(key);
    return true;
  };
  try {
    for (const termId of queryTerms) {
      for (const message of engine.anchorMessages[termId] ?? []) {
        if (messageSeen[message] === 1) continue;
        messageSeen[message] = 1;
        candidates.push(message);
      }
    }
    for (const message of candidates) {
      const termIds = engine.messageTerms[message] ?? new Int32Array(0);
      let present = 0;
      let nearly = 0;
      for (const termId of termIds) {
        if (queryTerms.has(termId)) present++;
        else nearly += typoTerms.get(termId) ?? 0;
      }
      const size = termIds.length;
      const doc = engine.messageDoc[message] ?? 0;
      const template = docs[doc]?.messages[engine.messageSub[message] ?? 0];
      if (!template || size === 0) continue;
      const specific = size >= 2 || isSpecificWord(engine, termIds[0] ?? -1, template.norm);
      const weight = weightPerTerm * Math.min(size, 12);
      if (present === size && specific && plan.lines.some((line) => containsWords(line.norm, template.norm))) {
        if (!firstTime(doc, template.norm)) continue;
        const named = template.library !== undefined && size >= 3 && (docs[doc]?.specificTo.includes(template.library) ?? false);
        found.push({ doc, exact: true, bonus: weight, library: template.library, ...(named ? { named } : {}) });
      } else if (size >= 4 && present + nearly >= 0.8 * size && firstTime(doc, template.norm)) {
        found.push({ doc, exact: false, bonus: (weight * (present + nearly)) / size / 2, library: template.library });
      }
    }
    // A fragment: look only at the templates holding the fragment's rarest term. Three words at
    // least: a lone code (`insufficient_scope`, three terms with its parts) is the code's to match.
    for (const line of plan.lines) {
      if (line.size < 3 || wordCount(line.norm) < 3) continue;
      const termIds = toDistinctTerms(line.norm).map((term) => engine.termIds.get(term));
      let rarest: Int32Array | undefined;
      for (const termId of termIds) {
        const list = termId === undefined ? undefined : engine.termMessages[termId];
        if (!list || list.length === 0) {
          rarest = undefined;
          break;
        }
        if (!rarest || list.length < rarest.length) rarest = list;
      }
      for (const message of rarest ?? []) {
        const doc = engine.messageDoc[message] ?? 0;
        const template = docs[doc]?.messages[engine.messageSub[message] ?? 0];
        if (!template || template.norm === line.norm || !containsWords(template.norm, line.norm) || !firstTime(doc, template.norm)) continue;
        // A piece of a line (words around an unknown one) only says the template is close.
        const bonus = weightPerTerm * Math.min(line.size, 12);
        found.push(line.piece ? { doc, exact: false, bonus: bonus / 2, library: template.library } : { doc, exact: true, bonus, library: template.library });
      }
    }
  } finally {
    for (const message of candidates) messageSeen[message] = 0;
  }
  return found;
}

/**
 * A one-word template counts as a message only when it is an identifier (`rejected_by_user`,
 * `AADSTS50011`) that few documents hold. A code of the reference earns the code bonus instead, and
 * a word most entries mention (`oauth2`) says nothing about which one is meant.
 */
function isSpecificWord(engine: Engine, termId: number, word: string): boolean {
  if (!word.includes("_") && !/\d/.test(word)) return false;
  if (engine.codeDocs.has(word)) return false;
  return (engine.termDocs[termId]?.length ?? Infinity) <= maxDocsOfSpecificWord;
}
const maxDocsOfSpecificWord = 3;

function wordCount(norm: string): number {
  let count = 1;
  for (let at = norm.indexOf(" "); at !== -1; at = norm.indexOf(" ", at + 1)) count++;
  return count;
}

/** Whether `needle` occurs in `haystack` as whole words (both are space-separated word lists). */
function containsWords(haystack: string, needle: string): boolean {
  if (needle.length === 0) return false;
  let at = haystack.indexOf(needle);
  while (at !== -1) {
    const end = at + needle.length;
    if ((at === 0 || haystack[at - 1] === " ") && (end === haystack.length || haystack[end] === " ")) return true;
    at = haystack.indexOf(needle, at + 1);
  }
  return false;
}
