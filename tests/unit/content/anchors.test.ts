import { describe, expect, it } from "vitest";
import {
  buildAnchors,
  checkAnchors,
  formatAnchorsLock,
  parseAnchor,
  parseAnchorsLock,
  updateAnchors,
  type AnchorEntry,
  type AnchorSource,
} from "@/lib/content/anchors";
import { formatProblem } from "@/lib/content/check";

function entry(slug: string, causes: Array<string | [string, string[]]>, aliases: string[] = [], area = "oauth-flow"): AnchorEntry {
  return {
    slug,
    aliases,
    file: `content/entries/${area}/${slug}.mdx`,
    causes: causes.map((cause, index) => {
      const [id, causeAliases] = typeof cause === "string" ? [cause, []] : cause;
      return { id, aliases: causeAliases, line: 20 + index * 6 };
    }),
  };
}

const published: AnchorSource = {
  entries: [entry("token-invalid-client", ["secret-rotated", "wrong-auth-method"]), entry("state-mismatch", ["cookie-lost"])],
  codes: ["invalid_client", "Connect API Error 215"],
};

const lock = formatAnchorsLock(buildAnchors(published));

function lines(source: AnchorSource, text: string | undefined = lock): string[] {
  return checkAnchors(source, text).map(formatProblem);
}

describe("parseAnchor", () => {
  it("reads the three kinds of published anchor", () => {
    expect(parseAnchor("/troubleshooting/state-mismatch")).toEqual({ kind: "entry", slug: "state-mismatch" });
    expect(parseAnchor("/troubleshooting/state-mismatch#state-mismatch--cookie-lost")).toEqual({ kind: "cause", slug: "state-mismatch", causeId: "cookie-lost" });
    expect(parseAnchor("/codes/Connect%20API%20Error%20215")).toEqual({ kind: "code", code: "Connect API Error 215" });
  });

  it("refuses what the site never emits", () => {
    expect(parseAnchor("/troubleshooting/a#b--c")).toBeUndefined(); // fragment of another entry
    expect(parseAnchor("/troubleshooting/Upper")).toBeUndefined();
    expect(parseAnchor("/codes/Connect API Error 215")).toBeUndefined(); // not as codeUrl spells it
    expect(parseAnchor("/codes/%E0%A4%A")).toBeUndefined();
    expect(parseAnchor("troubleshooting/a")).toBeUndefined();
  });
});

describe("buildAnchors and the lock format", () => {
  it("lists entries, their causes right after them, and code pages, in code-point order", () => {
    expect(buildAnchors(published)).toEqual([
      "/codes/Connect%20API%20Error%20215",
      "/codes/invalid_client",
      "/troubleshooting/state-mismatch",
      "/troubleshooting/state-mismatch#state-mismatch--cookie-lost",
      "/troubleshooting/token-invalid-client",
      "/troubleshooting/token-invalid-client#token-invalid-client--secret-rotated",
      "/troubleshooting/token-invalid-client#token-invalid-client--wrong-auth-method",
    ]);
  });

  it("round-trips: the formatted lock parses back to the same anchors without problems", () => {
    const parsed = parseAnchorsLock(lock);
    expect(parsed.malformed).toEqual([]);
    expect(parsed.unordered).toBeUndefined();
    expect(parsed.lines.map((line) => line.anchor)).toEqual(buildAnchors(published));
    expect(lock.startsWith("# ")).toBe(true);
    expect(lock.endsWith("\n")).toBe(true);
  });

  it("reports a malformed line and a merge that left lines out of order, with their line numbers", () => {
    const text = "# header\n/troubleshooting/b\n/troubleshooting/a\n/troubleshooting/a\nnot an anchor\n";
    const parsed = parseAnchorsLock(text);
    expect(parsed.malformed.map(formatProblem)).toEqual([
      'content/anchors.lock:5: anchors: "not an anchor" is not an anchor: a line is /troubleshooting/<slug>, /troubleshooting/<slug>#<slug>--<cause-id> or /codes/<code>; restore the line as it was published',
    ]);
    expect(parsed.unordered && formatProblem(parsed.unordered)).toBe(
      "content/anchors.lock:3: anchors: lines are out of order or repeated from here on (a merge?): run `npm run anchors:update` to rewrite the file sorted",
    );
  });
});

describe("checkAnchors", () => {
  it("passes when every published anchor is locked and resolves", () => {
    expect(lines(published)).toEqual([]);
  });

  it("fails without a lock file and says how to create it", () => {
    expect(checkAnchors(published, undefined).map(formatProblem)).toEqual(["content/anchors.lock: (file): missing: run `npm run anchors:update` to create it, then commit it"]);
  });

  it("fails on anchors not recorded yet and names the command", () => {
    const grown: AnchorSource = { ...published, entries: [...published.entries, entry("nonce-mismatch", ["replayed"])] };
    expect(lines(grown)).toEqual([
      "content/anchors.lock: anchors: 2 published anchor(s) not recorded yet (/troubleshooting/nonce-mismatch, /troubleshooting/nonce-mismatch#nonce-mismatch--replayed): run `npm run anchors:update` and commit content/anchors.lock",
    ]);
  });

  it("takes a new entry with a close slug as the successor even when every cause id changed", () => {
    const renamed: AnchorSource = { ...published, entries: [published.entries[1] as AnchorEntry, entry("invalid-client-token", ["other"])] };
    expect(lines(renamed)[0]).toBe(
      'content/entries/oauth-flow/invalid-client-token.mdx: aliases: the published entry /troubleshooting/token-invalid-client no longer exists: add "token-invalid-client" to aliases in the frontmatter of the entry that replaced it; this entry looks like it (it is new since the lock): write `aliases: [token-invalid-client]`',
    );
  });

  it("names the renamed entry's file and the exact aliases line when one new entry shares the causes", () => {
    const renamed: AnchorSource = {
      ...published,
      entries: [entry("client-authentication-failed", ["secret-rotated", "wrong-auth-method"], ["legacy-name"]), published.entries[1] as AnchorEntry],
    };
    expect(lines(renamed)).toContain(
      'content/entries/oauth-flow/client-authentication-failed.mdx: aliases: the published entry /troubleshooting/token-invalid-client no longer exists: add "token-invalid-client" to aliases in the frontmatter of the entry that replaced it; this entry looks like it (it is new since the lock and it has the cause ids secret-rotated, wrong-auth-method): write `aliases: [legacy-name, token-invalid-client]`',
    );
  });

  it("without a likely successor, points at the lock line and lists candidates", () => {
    const removed: AnchorSource = { ...published, entries: [published.entries[1] as AnchorEntry, entry("client-secret-expired", ["expired"])] };
    const problems = checkAnchors(removed, lock);
    const entryProblem = problems.find((problem) => problem.message.includes("/troubleshooting/token-invalid-client no longer"));
    expect(entryProblem && formatProblem(entryProblem)).toBe(
      'content/anchors.lock:9: aliases: the published entry /troubleshooting/token-invalid-client no longer exists: add "token-invalid-client" to aliases in the frontmatter of the entry that replaced it (`aliases: [token-invalid-client]`, or append "token-invalid-client" to its list); candidates: content/entries/oauth-flow/client-secret-expired.mdx',
    );
    // The entry's causes are covered by that one line, not repeated.
    expect(problems.filter((problem) => problem.message.includes("#token-invalid-client--"))).toEqual([]);
  });

  it("resolves a locked entry through its alias and a locked cause through its cause alias", () => {
    const aliased: AnchorSource = {
      ...published,
      entries: [
        entry("client-authentication-failed", ["secret-rotated", ["auth-method-mismatch", ["wrong-auth-method"]]], ["token-invalid-client"]),
        published.entries[1] as AnchorEntry,
      ],
    };
    const problems = lines(aliased);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/anchors\.lock: anchors: 3 published anchor\(s\) not recorded yet/);
  });

  it("names the <Cause> line to change when a cause id was renamed", () => {
    const renamed: AnchorSource = {
      ...published,
      entries: [entry("token-invalid-client", ["secret-rotated", "auth-method-mismatch"]), published.entries[1] as AnchorEntry],
    };
    expect(lines(renamed)).toContain(
      'content/entries/oauth-flow/token-invalid-client.mdx:26: Cause.aliases: the published anchor /troubleshooting/token-invalid-client#token-invalid-client--wrong-auth-method is gone: add aliases="wrong-auth-method" to the <Cause> that replaced it; <Cause id="auth-method-mismatch"> looks like it (it is new since the lock): write <Cause id="auth-method-mismatch" aliases="wrong-auth-method" …>',
    );
  });

  it("judges the causes of a renamed entry against its likely successor, so one run names every line", () => {
    const both: AnchorSource = {
      ...published,
      entries: [entry("client-authentication-failed", ["secret-rotated", ["auth-method-mismatch", ["old-id"]]]), published.entries[1] as AnchorEntry],
    };
    expect(lines(both)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^content\/entries\/oauth-flow\/client-authentication-failed\.mdx: aliases: .*write `aliases: \[token-invalid-client\]`$/),
        'content/entries/oauth-flow/client-authentication-failed.mdx:26: Cause.aliases: the published anchor /troubleshooting/token-invalid-client#token-invalid-client--wrong-auth-method is gone: add aliases="wrong-auth-method" to the <Cause> that replaced it; <Cause id="auth-method-mismatch"> looks like it (it is new since the lock): write <Cause id="auth-method-mismatch" aliases="old-id wrong-auth-method" …>',
      ]),
    );
  });

  it("lists the entry's causes when it cannot tell which one replaced a retired id", () => {
    const split: AnchorSource = {
      ...published,
      entries: [entry("token-invalid-client", ["secret-rotated", "basic-vs-post", "jwt-assertion"]), published.entries[1] as AnchorEntry],
    };
    expect(lines(split)).toContain(
      'content/entries/oauth-flow/token-invalid-client.mdx: Cause.aliases: the published anchor /troubleshooting/token-invalid-client#token-invalid-client--wrong-auth-method is gone: add aliases="wrong-auth-method" to the <Cause> that replaced it (causes new since the lock: basic-vs-post, jwt-assertion)',
    );
  });

  it("keeps code pages: a vanished code must be restored, a case variant still resolves", () => {
    expect(lines({ ...published, codes: ["INVALID_CLIENT", "Connect API Error 215"] }).filter((line) => line.includes("content/codes.json"))).toEqual([]);
    expect(lines({ ...published, codes: ["Connect API Error 215"] })).toEqual([
      'content/codes.json: codes: the published code page /codes/invalid_client no longer exists: restore a definition with "code": "invalid_client" (code pages have no aliases, so a published code stays in the reference)',
    ]);
  });
});

describe("updateAnchors", () => {
  it("creates the lock from the current anchors", () => {
    const result = updateAnchors(published, undefined);
    expect(result.ok && result.text).toBe(lock);
    expect(result.ok && result.added).toHaveLength(7);
  });

  it("adds new anchors and keeps retired ones that resolve through aliases", () => {
    const aliased: AnchorSource = {
      ...published,
      entries: [entry("client-authentication-failed", ["secret-rotated", ["auth-method-mismatch", ["wrong-auth-method"]]], ["token-invalid-client"]), published.entries[1] as AnchorEntry],
    };
    const result = updateAnchors(aliased, lock);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    expect(result.added).toEqual([
      "/troubleshooting/client-authentication-failed",
      "/troubleshooting/client-authentication-failed#client-authentication-failed--auth-method-mismatch",
      "/troubleshooting/client-authentication-failed#client-authentication-failed--secret-rotated",
    ]);
    const after = parseAnchorsLock(result.text).lines.map((line) => line.anchor);
    expect(after).toEqual(expect.arrayContaining(buildAnchors(published)));
    expect(checkAnchors(aliased, result.text)).toEqual([]);
    // Running it again changes nothing.
    const again = updateAnchors(aliased, result.text);
    expect(again.ok && again.text).toBe(result.text);
  });

  it("refuses to drop an anchor that no longer resolves, with the same messages as the check", () => {
    const renamed: AnchorSource = { ...published, entries: [published.entries[1] as AnchorEntry] };
    const result = updateAnchors(renamed, lock);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      expect.stringContaining('content/anchors.lock:9: aliases: the published entry /troubleshooting/token-invalid-client no longer exists: add "token-invalid-client"'),
    ]);
  });

  it("drops a retired entry and its cause anchors only when asked by name", () => {
    const removed: AnchorSource = { ...published, entries: [published.entries[1] as AnchorEntry] };
    const result = updateAnchors(removed, lock, ["/troubleshooting/token-invalid-client", "/troubleshooting/state-mismatch"]);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    expect(result.dropped).toEqual([
      "/troubleshooting/token-invalid-client",
      "/troubleshooting/token-invalid-client#token-invalid-client--secret-rotated",
      "/troubleshooting/token-invalid-client#token-invalid-client--wrong-auth-method",
    ]);
    expect(result.ignored).toEqual(["/troubleshooting/state-mismatch"]);
    expect(checkAnchors(removed, result.text)).toEqual([]);
  });

  it("rewrites a lock left unsorted by a merge, but not one with a line it cannot read", () => {
    const shuffled = `${lock}/codes/access_denied\n`;
    const withCode: AnchorSource = { ...published, codes: [...published.codes, "access_denied"] };
    const result = updateAnchors(withCode, shuffled);
    expect(result.ok && result.text).toBe(formatAnchorsLock(buildAnchors(withCode)));
    expect(updateAnchors(published, `${lock}garbage\n`).ok).toBe(false);
  });
});
