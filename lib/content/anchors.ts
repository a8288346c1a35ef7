// The anchors lock: every entry page, cause anchor and code page the site has published, kept in
// `content/anchors.lock` so a link handed to a customer never stops working. Pure: the caller
// reads and writes the file. A locked anchor must keep resolving, through an entry alias
// (frontmatter `aliases`) or a cause alias (`<Cause aliases="…">`); code pages have no aliases.
import type { ContentProblem } from "./check";
import type { Entry, EntryCause } from "./entry";
import { codesFile } from "../codes";
import { causeUrl, codeUrl, entryUrl } from "../urls";

export const anchorsLockFile = "content/anchors.lock";
export const anchorsUpdateCommand = "npm run anchors:update";

const lockHeader = [
  "# Every page and anchor this site has published, one per line, sorted. `npm run check:content`",
  "# fails when one stops resolving. Record new ones with `npm run anchors:update`; never delete a",
  "# line by hand: retire a slug with `aliases` in the entry's frontmatter, a cause id with",
  '# `<Cause aliases="old-id">`.',
];

export type AnchorCause = Pick<EntryCause, "id" | "aliases" | "line">;
export type AnchorEntry = Pick<Entry, "slug" | "file" | "aliases"> & { causes: readonly AnchorCause[] };
/** What the site publishes now: the catalogue's entries and the code reference's codes. */
export type AnchorSource = { entries: readonly AnchorEntry[]; codes: readonly string[] };

export type Anchor =
  | { kind: "entry"; slug: string }
  | { kind: "cause"; slug: string; causeId: string }
  | { kind: "code"; code: string };

type LockLine = { anchor: string; line: number };

export type ParsedLock = {
  lines: LockLine[];
  /** Lines that are not anchors: only a person can say what they were. */
  malformed: ContentProblem[];
  /** Set when lines are out of order or repeated; the update command rewrites them. */
  unordered?: ContentProblem;
};

export type UpdateResult =
  | {
      ok: true;
      text: string;
      added: string[];
      dropped: string[];
      /** `drop` requests that matched no unresolved anchor (so nothing was dropped for them). */
      ignored: string[];
    }
  | { ok: false; problems: ContentProblem[] };

const id = "[a-z0-9]+(?:-[a-z0-9]+)*";
const entryPattern = new RegExp(`^/troubleshooting/(${id})$`);
const causePattern = new RegExp(`^/troubleshooting/(${id})#(${id})--(${id})$`);
const codePattern = /^\/codes\/([^/#?\s]+)$/;

/** Reads one lock line; undefined when it is not an anchor the site emits. */
export function parseAnchor(text: string): Anchor | undefined {
  const entry = entryPattern.exec(text);
  if (entry?.[1]) return { kind: "entry", slug: entry[1] };
  const cause = causePattern.exec(text);
  if (cause?.[1] && cause[2] === cause[1] && cause[3]) return { kind: "cause", slug: cause[1], causeId: cause[3] };
  const code = codePattern.exec(text);
  if (code?.[1]) {
    try {
      const decoded = decodeURIComponent(code[1]);
      // Only the spelling codeUrl produces, so each code has one line.
      return codeUrl(decoded) === text ? { kind: "code", code: decoded } : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every anchor the site publishes now, sorted (an entry's causes follow it). */
export function buildAnchors(source: AnchorSource): string[] {
  const anchors = new Set<string>();
  for (const entry of source.entries) {
    anchors.add(entryUrl(entry.slug));
    for (const cause of entry.causes) anchors.add(causeUrl(entry.slug, cause.id));
  }
  for (const code of source.codes) anchors.add(codeUrl(code));
  return [...anchors].sort(byCodePoint);
}

export function formatAnchorsLock(anchors: Iterable<string>): string {
  const sorted = [...new Set(anchors)].sort(byCodePoint);
  return `${[...lockHeader, ...sorted].join("\n")}\n`;
}

export function parseAnchorsLock(text: string): ParsedLock {
  const lines: LockLine[] = [];
  const malformed: ContentProblem[] = [];
  let unordered: ContentProblem | undefined;
  let previous: string | undefined;
  text.split("\n").forEach((raw, index) => {
    const anchor = raw.trim();
    const line = index + 1;
    if (anchor === "" || anchor.startsWith("#")) return;
    if (!parseAnchor(anchor)) {
      malformed.push({
        file: anchorsLockFile,
        line,
        field: "anchors",
        message: `"${anchor}" is not an anchor: a line is /troubleshooting/<slug>, /troubleshooting/<slug>#<slug>--<cause-id> or /codes/<code>; restore the line as it was published`,
      });
      return;
    }
    if (previous !== undefined && byCodePoint(previous, anchor) >= 0) {
      unordered ??= {
        file: anchorsLockFile,
        line,
        field: "anchors",
        message: `lines are out of order or repeated from here on (a merge?): run \`${anchorsUpdateCommand}\` to rewrite the file sorted`,
      };
    }
    previous = anchor;
    lines.push({ anchor, line });
  });
  return { lines, malformed, unordered };
}

type SourceIndex = {
  source: AnchorSource;
  /** Slug or entry alias → the entry that answers it. */
  entries: Map<string, AnchorEntry>;
  codes: Set<string>;
  foldedCodes: Set<string>;
};

function indexSource(source: AnchorSource): SourceIndex {
  const entries = new Map<string, AnchorEntry>();
  for (const entry of source.entries) for (const alias of entry.aliases) entries.set(alias, entry);
  for (const entry of source.entries) entries.set(entry.slug, entry);
  return {
    source,
    entries,
    codes: new Set(source.codes),
    foldedCodes: new Set(source.codes.map((code) => code.toLowerCase())),
  };
}

function answersCause(entry: AnchorEntry, causeId: string): boolean {
  return entry.causes.some((cause) => cause.id === causeId || cause.aliases.includes(causeId));
}

/** Whether a published anchor still lands somewhere: directly, or through an alias. */
function resolves(anchor: Anchor, index: SourceIndex): boolean {
  switch (anchor.kind) {
    case "entry":
      return index.entries.has(anchor.slug);
    case "cause": {
      const entry = index.entries.get(anchor.slug);
      return entry !== undefined && answersCause(entry, anchor.causeId);
    }
    case "code":
      // `/codes/<code>` answers a case variant with a 308 to the code as the reference spells it.
      return index.codes.has(anchor.code) || index.foldedCodes.has(anchor.code.toLowerCase());
  }
}

function tokens(slug: string): Set<string> {
  return new Set(slug.split("-"));
}

function similarity(a: string, b: string): number {
  const left = tokens(a);
  const right = tokens(b);
  const shared = [...left].filter((token) => right.has(token)).length;
  return shared / (left.size + right.size - shared);
}

type Candidate = { entry: AnchorEntry; isNew: boolean; sharedCauses: string[]; similarity: number };

function compareCandidates(a: Candidate, b: Candidate): number {
  return Number(b.isNew) - Number(a.isNew) || b.sharedCauses.length - a.sharedCauses.length || b.similarity - a.similarity;
}

/**
 * Entries that may have replaced a retired slug, most likely first: new since the lock, sharing
 * the retired entry's cause ids, with a similar slug. `best` is set when one stands out.
 */
function successorCandidates(slug: string, lockedCauses: readonly string[], lockedSlugs: ReadonlySet<string>, index: SourceIndex) {
  const candidates: Candidate[] = [];
  for (const entry of index.source.entries) {
    // In the entry's own order, as the author reads them.
    const sharedCauses = entry.causes
      .filter((cause) => lockedCauses.includes(cause.id) || cause.aliases.some((alias) => lockedCauses.includes(alias)))
      .map((cause) => cause.id);
    const candidate = { entry, isNew: !lockedSlugs.has(entry.slug), sharedCauses, similarity: similarity(slug, entry.slug) };
    if (candidate.sharedCauses.length > 0 || candidate.similarity > 0) candidates.push(candidate);
  }
  candidates.sort(compareCandidates);
  const [first, second] = candidates;
  // A guess is named only with evidence: shared cause ids, or a new entry with a close slug.
  const convincing = first && (first.sharedCauses.length > 0 || (first.isNew && first.similarity >= 0.5));
  const best = convincing && (!second || compareCandidates(first, second) < 0) ? first : undefined;
  return { best, candidates: candidates.slice(0, 3) };
}

function aliasesLine(existing: readonly string[], added: string): string {
  return `aliases: [${[...existing, added].join(", ")}]`;
}

function describeCandidate(candidate: Candidate): string {
  const reasons = [
    candidate.isNew ? "it is new since the lock" : undefined,
    candidate.sharedCauses.length > 0 ? `it has the cause ids ${candidate.sharedCauses.join(", ")}` : undefined,
  ].filter(Boolean);
  return reasons.join(" and ");
}

function entryProblem(anchor: string, slug: string, line: number, found: ReturnType<typeof successorCandidates>): ContentProblem {
  const head = `the published entry ${anchor} no longer exists: add "${slug}" to aliases in the frontmatter of the entry that replaced it`;
  const { best, candidates } = found;
  if (best) {
    return {
      file: best.entry.file,
      field: "aliases",
      message: `${head}; this entry looks like it (${describeCandidate(best)}): write \`${aliasesLine(best.entry.aliases, slug)}\``,
    };
  }
  const list = candidates.length > 0 ? `; candidates: ${candidates.map((candidate) => candidate.entry.file).join(", ")}` : "";
  return {
    file: anchorsLockFile,
    line,
    field: "aliases",
    message: `${head} (\`aliases: [${slug}]\`, or append "${slug}" to its list)${list}`,
  };
}

/** `lockedIds`: cause ids locked under any name of the entry (its slug, its aliases, the slug linked). */
function causeProblem(anchor: string, causeId: string, entry: AnchorEntry, lockedIds: ReadonlySet<string>): ContentProblem {
  const head = `the published anchor ${anchor} is gone: add aliases="${causeId}" to the <Cause> that replaced it`;
  const fresh = entry.causes.filter((cause) => !lockedIds.has(cause.id) && !cause.aliases.some((alias) => lockedIds.has(alias)));
  const [only] = fresh;
  if (only && fresh.length === 1) {
    const aliases = [...only.aliases, causeId].join(" ");
    return {
      file: entry.file,
      line: only.line,
      field: "Cause.aliases",
      message: `${head}; <Cause id="${only.id}"> looks like it (it is new since the lock): write <Cause id="${only.id}" aliases="${aliases}" …>`,
    };
  }
  const ids = (fresh.length > 0 ? fresh : entry.causes).map((cause) => cause.id).join(", ");
  return {
    file: entry.file,
    field: "Cause.aliases",
    message: `${head} (${fresh.length > 0 ? "causes new since the lock" : "causes in this entry"}: ${ids})`,
  };
}

function codeProblem(anchor: string, code: string): ContentProblem {
  return {
    file: codesFile,
    field: "codes",
    message: `the published code page ${anchor} no longer exists: restore a definition with "code": "${code}" (code pages have no aliases, so a published code stays in the reference)`,
  };
}

/**
 * Every locked anchor that no longer resolves, with what to do about it (the file and the line to
 * add). `problem` is left out for a cause anchor whose entry is gone without a likely successor:
 * the entry's own problem covers it.
 */
function explainUnresolved(lines: readonly LockLine[], index: SourceIndex): Array<{ anchor: string; problem?: ContentProblem }> {
  const lockedSlugs = new Set<string>();
  const lockedCauses = new Map<string, string[]>();
  for (const { anchor } of lines) {
    const parsed = parseAnchor(anchor);
    if (parsed?.kind === "entry") lockedSlugs.add(parsed.slug);
    if (parsed?.kind === "cause") lockedCauses.set(parsed.slug, [...(lockedCauses.get(parsed.slug) ?? []), parsed.causeId]);
  }

  const successors = new Map<string, ReturnType<typeof successorCandidates>>();
  function successorsOf(slug: string) {
    let found = successors.get(slug);
    if (!found) {
      found = successorCandidates(slug, lockedCauses.get(slug) ?? [], lockedSlugs, index);
      successors.set(slug, found);
    }
    return found;
  }

  const unresolved: Array<{ anchor: string; problem?: ContentProblem }> = [];
  for (const { anchor, line } of lines) {
    const parsed = parseAnchor(anchor);
    if (!parsed || resolves(parsed, index)) continue;
    if (parsed.kind === "code") {
      unresolved.push({ anchor, problem: codeProblem(anchor, parsed.code) });
    } else if (parsed.kind === "entry") {
      unresolved.push({ anchor, problem: entryProblem(anchor, parsed.slug, line, successorsOf(parsed.slug)) });
    } else {
      // A renamed entry whose cause was renamed too: judge the cause against the likely successor,
      // so one run names both lines to add. Without one, the entry's own problem says enough.
      const entry = index.entries.get(parsed.slug) ?? successorsOf(parsed.slug).best?.entry;
      if (entry && !answersCause(entry, parsed.causeId)) {
        const names = new Set([parsed.slug, entry.slug, ...entry.aliases]);
        const lockedIds = new Set([...names].flatMap((name) => lockedCauses.get(name) ?? []));
        unresolved.push({ anchor, problem: causeProblem(anchor, parsed.causeId, entry, lockedIds) });
      } else {
        // The entry itself is gone: its own line says which alias to add.
        const covered = lockedSlugs.has(parsed.slug);
        unresolved.push({
          anchor,
          problem: covered ? undefined : { file: anchorsLockFile, line, field: "aliases", message: `the published anchor ${anchor} is gone with its entry: add "${parsed.slug}" to aliases in the frontmatter of the entry that replaced it` },
        });
      }
    }
  }
  return unresolved;
}

function listAnchors(anchors: readonly string[], limit = 5): string {
  const shown = anchors.slice(0, limit).join(", ");
  return anchors.length > limit ? `${shown} and ${anchors.length - limit} more` : shown;
}

/**
 * The content check's anchor rules: every locked anchor resolves, and every published anchor is
 * locked. `lockText` is undefined when the file does not exist.
 */
export function checkAnchors(source: AnchorSource, lockText: string | undefined): ContentProblem[] {
  if (lockText === undefined) {
    return [{ file: anchorsLockFile, field: "(file)", message: `missing: run \`${anchorsUpdateCommand}\` to create it, then commit it` }];
  }
  const lock = parseAnchorsLock(lockText);
  const index = indexSource(source);
  const problems = [
    ...lock.malformed,
    ...(lock.unordered ? [lock.unordered] : []),
    ...explainUnresolved(lock.lines, index).flatMap(({ problem }) => problem ?? []),
  ];
  const locked = new Set(lock.lines.map((line) => line.anchor));
  const unrecorded = buildAnchors(source).filter((anchor) => !locked.has(anchor));
  if (unrecorded.length > 0) {
    problems.push({
      file: anchorsLockFile,
      field: "anchors",
      message: `${unrecorded.length} published anchor(s) not recorded yet (${listAnchors(unrecorded)}): run \`${anchorsUpdateCommand}\` and commit ${anchorsLockFile}`,
    });
  }
  return problems;
}

/**
 * The lock after an intended change: current anchors added, old ones that still resolve kept.
 * Refuses while a locked anchor no longer resolves, unless it is listed in `drop` (an entry
 * anchor drops its cause anchors with it): a retired link gets an alias, not a deletion.
 */
export function updateAnchors(source: AnchorSource, lockText: string | undefined, drop: readonly string[] = []): UpdateResult {
  const lock = parseAnchorsLock(lockText ?? "");
  if (lock.malformed.length > 0) return { ok: false, problems: lock.malformed };

  const index = indexSource(source);
  const unresolved = explainUnresolved(lock.lines, index);
  const dropped = new Set<string>();
  for (const request of drop) {
    for (const { anchor } of unresolved) {
      if (anchor === request || anchor.startsWith(`${request}#`)) dropped.add(anchor);
    }
  }
  const remaining = unresolved.filter(({ anchor }) => !dropped.has(anchor));
  if (remaining.length > 0) return { ok: false, problems: remaining.flatMap(({ problem }) => problem ?? []) };

  const locked = new Set(lock.lines.map((line) => line.anchor));
  const current = buildAnchors(source);
  const added = current.filter((anchor) => !locked.has(anchor));
  const kept = [...locked].filter((anchor) => !dropped.has(anchor));
  return {
    ok: true,
    text: formatAnchorsLock([...kept, ...added]),
    added,
    dropped: [...dropped].sort(byCodePoint),
    ignored: drop.filter((request) => !unresolved.some(({ anchor }) => anchor === request || anchor.startsWith(`${request}#`))),
  };
}
