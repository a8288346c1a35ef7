// Recall of the labelled query set (tests/fixtures/search-queries.json) over the REAL catalogue,
// through the same documents and options as the site. Prints recall@1 and recall@3 and every miss.
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

const { loadCatalogueDocs } = await import("@/scripts/bench/catalogue-docs");
const { buildSearchIndex, searchIndex } = await import("@/lib/search/index");

type LabelledQuery = { kind: string; q: string; expect: string[] };

function loadQueries(file: string): LabelledQuery[] {
  const json: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (typeof json !== "object" || json === null || !("queries" in json) || !Array.isArray(json.queries)) {
    throw new Error(`${file}: expected { queries: [...] }`);
  }
  return json.queries.map((item: unknown, index: number): LabelledQuery => {
    if (typeof item !== "object" || item === null || !("q" in item) || typeof item.q !== "string" || !("expect" in item) || !Array.isArray(item.expect)) {
      throw new Error(`${file}: queries[${index}] needs q (string) and expect (slugs)`);
    }
    const kind = "kind" in item && typeof item.kind === "string" ? item.kind : "";
    return { kind, q: item.q, expect: item.expect.filter((slug): slug is string => typeof slug === "string") };
  });
}

const { docs, source, problems } = await loadCatalogueDocs();
const index = buildSearchIndex(docs);

/**
 * `tuned`: written next to the catalogue; ranking is tuned on it. `held-out`: real strings from RP
 * libraries' source and issue trackers, frozen before tuning and never tuned against, so it
 * measures whether ranking generalises (changing it needs a reason in the commit). `floor` is what the test enforces today; `target` is the
 * goal (README "How search ranks" reports both sets).
 */
const sets = [
  { name: "tuned", file: "tests/fixtures/search-queries.json", minQueries: 60, floor: { at1: 0.95, at3: 1 }, printMisses: true },
  // Real output of many RP stacks and IdP logs, written from their sources before any ranking change
  // was made for it (recall@1 0.637, recall@3 0.875 then); tuned on since, so it is a tuning set too
  // (0.938 / 0.988 until four general entries for problems it does not ask about, UserInfo, session
  // cookies, account linking and an API refusing the token, began to compete for its words; two of
  // its labels were extended to the API entry; 0.900 / 0.975 now). Target 0.95 / 1.0 like the first
  // one; the floor guards what is reached.
  { name: "stacks", file: "tests/fixtures/search-queries-stacks.json", minQueries: 80, floor: { at1: 0.9, at3: 0.975 }, printMisses: true },
  // A second such set, written later by another hand from the same kinds of sources, labelled
  // without running search: recall@1 0.662, recall@3 0.775 when first measured. Tuned on since
  // (0.838 / 0.912 now, after library messages were added for its libraries and others).
  { name: "stacks 2", file: "tests/fixtures/search-queries-stacks-2.json", minQueries: 80, floor: { at1: 0.83, at3: 0.9 }, printMisses: true },
  // Real strings from Java, .NET, Go, Python, Ruby, PHP and JS libraries, labelled without running
  // search: recall@1 0.600, recall@3 0.830 when first measured. A tuning set since: 0.720 / 0.880
  // after vendor entries stopped outranking general ones on a code alone, claim names weigh more,
  // and the vendor codes it showed missing were mapped to their entries; 0.680 / 0.850 with the
  // four general entries above competing for its words too; 0.730 / 0.910 after a code written out
  // as an exception's whole message counted as that code, compound claim names stopped lending
  // their weight to their parts ("time", "hash"), documents without the claim a message names
  // counted less, standard exception classes and package paths counted less, and eight more
  // entries came; 0.720 / 0.900 with six more (DPoP, PAR, client assertions, MSAL authorities,
  // two for Firebase) and shorter summaries and cause titles, three labels extended to new entries.
  { name: "stacks 3", file: "tests/fixtures/search-queries-stacks-3.json", minQueries: 100, floor: { at1: 0.72, at3: 0.9 }, printMisses: true },
  // Measured when it was frozen: recall@1 0.718, recall@3 0.863; 0.778 / 0.897 after messages from
  // more stacks were added, 0.821 / 0.915 after a second round of them and the tags for plain
  // descriptions, 0.889 / 0.932 after the vendor codes, a third round of messages and vendor-code
  // specificity, 0.906 / 0.949 after more general entries and Java and .NET messages, 0.906 / 0.966
  // after the engine read quoted error codes, identifiers and typed pieces of messages (causes
  // found through the second stacks set) and seven more entries with a census of library
  // messages, 0.906 / 0.957 after three more general entries, the vendor codes of the third stacks
  // set and one label that listed only a product entry for an unnamed paste, and 0.915 / 0.974
  // after templates were read like pastes and four more general entries came, three of whose
  // slugs a review that never ran search added to labels they also fix (0.889 / 0.957 on the labels
  // as frozen), 0.923 / 0.974 after fourteen more entries, the rules found through the third
  // stacks set and shorter summaries and cause titles (0.906 / 0.966 on the labels as frozen; two
  // reviews found no label a new entry also fixes). Target 0.9 / 0.97.
  // The floor guards what is reached. Its misses are not
  // printed: ranking is improved through the causes of the tuning sets' misses only.
  { name: "held-out", file: "tests/fixtures/search-queries-heldout.json", minQueries: 100, floor: { at1: 0.91, at3: 0.97 }, printMisses: false },
  // Frozen later, when the first held-out set had been measured many times: the same kind of
  // strings, by another hand, never run through search before it was first measured: recall@1
  // 0.717, recall@3 0.883 then; 0.800 / 0.917 before fourteen more entries (auth_time, at_hash,
  // typ, HS256, embedded web views, a callback without code, Cognito's secret hash, MSAL's iframe,
  // DPoP, PAR, client assertions, MSAL authorities, two for Firebase) and the ranking rules that
  // came with them; 0.767 / 0.917 after: leaving out any one new entry wins back at most one query,
  // so the cost is spread over them, and a review that never ran search extended one label to a new
  // entry (0.750 / 0.917 on the labels as frozen); 0.767 / 0.900 once long summaries and cause
  // titles were cut for the catalogue page (to about 200 and 60 characters; 0.800 / 0.900 between
  // the two cuts), so two or three queries of this small set turn on a few words. Target 0.9 / 0.97
  // like the first.
  { name: "held-out 2", file: "tests/fixtures/search-queries-heldout-2.json", minQueries: 60, floor: { at1: 0.76, at3: 0.9 }, printMisses: false },
] as const;

for (const set of sets) {
  const queries = loadQueries(set.file);

  describe(`search recall over the real catalogue: the ${set.name} set`, () => {
    it(`has at least ${set.minQueries} queries, every expected slug naming an existing entry`, () => {
      expect(queries.length).toBeGreaterThanOrEqual(set.minQueries);
      const slugs = new Set(docs.map((doc) => doc.slug));
      const unknown = queries.flatMap((query) => query.expect.filter((slug) => !slugs.has(slug)));
      expect(unknown, "expected slugs missing from the catalogue").toEqual([]);
    });

    it(`finds the expected entry first (recall@1 ≥ ${set.floor.at1}) and in the top 3 (recall@3 ≥ ${set.floor.at3})`, () => {
      let at1 = 0;
      let at3 = 0;
      const misses: string[] = [];
      for (const query of queries) {
        const found = searchIndex(index, query.q, { limit: 3 }).results.map((result) => result.slug);
        const rank = found.findIndex((slug) => query.expect.includes(slug));
        if (rank === 0) at1++;
        if (rank >= 0) at3++;
        if (rank !== 0) misses.push(`  [${query.kind}] ${JSON.stringify(query.q.slice(0, 90))}\n      expected ${query.expect.join(" | ")}, got ${found.join(", ") || "nothing"}`);
      }
      const recall1 = at1 / queries.length;
      const recall3 = at3 / queries.length;
      console.log(
        `search recall (${set.name}) over ${docs.length} documents (${source === "catalogue" ? "site loader" : `per-file fallback, ${problems.length} catalogue problem(s)`}), ` +
          `${queries.length} queries: recall@1 ${recall1.toFixed(3)} (${at1}), recall@3 ${recall3.toFixed(3)} (${at3})` +
          (set.printMisses && misses.length > 0 ? `\nnot first:\n${misses.join("\n")}` : ""),
      );
      expect(recall1).toBeGreaterThanOrEqual(set.floor.at1);
      expect(recall3).toBeGreaterThanOrEqual(set.floor.at3);
    });
  });
}

describe("the tuned set covers the catalogue", () => {
  it("has a labelled query for every area", () => {
    const queries = loadQueries(sets[0].file);
    const areas = new Set(docs.filter((doc) => doc.kind === "entry").map((doc) => doc.area));
    const covered = new Set(queries.flatMap((query) => query.expect.map((slug) => docs.find((doc) => doc.slug === slug)?.area)));
    expect([...areas].filter((area) => !covered.has(area)), "areas without a labelled query").toEqual([]);
  });
});
