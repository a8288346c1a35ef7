// Deterministic synthetic catalogues for the search benchmark. The real entries come first (so
// real queries keep their ground truth); every other entry is a different "problem" built from
// the real ones: the shape of a real entry (field lengths, number of causes and messages), words
// drawn from the real corpus with its frequencies (so common words stay common and posting lists
// grow as they would), made-up words mixed in (so the vocabulary grows too), and codes taken from
// the real ones or varied (so an exact code lookup still returns many documents).
import type { SearchDoc } from "@/lib/search/documents";

/** mulberry32: small, fast, and the same sequence on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const syllables = ["ka", "to", "ri", "mu", "zen", "dor", "pla", "vex", "qui", "lon", "sar", "bre", "tik", "nu", "gal", "fen", "oro", "sti", "wap", "yel", "cro", "mir", "dax", "hul", "pen"];

function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}_'-]+/gu) ?? [];
}

export function buildSyntheticCatalogue(real: readonly SearchDoc[], size: number, seed = 42): SearchDoc[] {
  const next = random(seed);
  function pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error("synthetic catalogue: nothing to pick from");
    return item;
  }
  const proseWords = real.flatMap((doc) =>
    wordsOf([doc.title, doc.summary, doc.symptom, doc.fix, ...doc.causes.map((cause) => `${cause.title} ${cause.text}`)].join(" ")),
  );
  const messageWords = real.flatMap((doc) => doc.messages.flatMap(wordsOf));
  const codes = [...new Set(real.flatMap((doc) => doc.codes))];
  const tags = [...new Set(real.flatMap((doc) => doc.tags))];
  const invented = Array.from({ length: 8000 }, () => Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(syllables)).join(""));

  function text(template: string, pool: readonly string[]): string {
    const length = Math.max(1, wordsOf(template).length);
    return Array.from({ length }, () => (next() < 0.15 ? pick(invented) : pick(pool))).join(" ");
  }
  function code(): string {
    const base = pick(codes);
    if (next() < 0.5) return base;
    if (/^AADSTS\d+$/i.test(base)) return `AADSTS${100000 + Math.floor(next() * 900000)}`;
    return `${base}_${pick(invented)}`;
  }

  const docs: SearchDoc[] = real.slice(0, size).map((doc) => ({ ...doc }));
  for (let i = docs.length; i < size; i++) {
    const template = real[i % real.length];
    if (!template) break;
    const slug = `synthetic-${i}`;
    docs.push({
      // Reference-code documents stay code documents (one-word titles, found by name).
      kind: template.kind,
      slug,
      specificTo: template.specificTo,
      url: template.kind === "code" ? `/codes/${slug}` : `/troubleshooting/${slug}`,
      title: text(template.title, proseWords),
      area: template.area,
      summary: text(template.summary, proseWords),
      codes: codes.length > 0 ? template.codes.map(code) : [],
      http: template.http,
      messages: template.messages.map((message) => text(message, messageWords.length > 0 ? messageWords : proseWords)),
      tags: template.tags.map(() => (next() < 0.3 ? pick(invented) : pick(tags))),
      symptom: text(template.symptom, proseWords),
      causes: template.causes.map((cause) => ({ id: cause.id, title: text(cause.title, proseWords), text: text(cause.text, proseWords) })),
      fix: text(template.fix, proseWords),
      rank: 1 + Math.floor(next() * 40),
    });
  }
  return docs;
}
