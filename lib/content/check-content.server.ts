// The whole content check as one function (what `npm run check:content` and therefore
// `npm run build` run): the code reference, every entry, and the anchors lock. Also the lock's
// update, which needs the same loaded content.
import "server-only";
import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { anchorsLockFile, checkAnchors, updateAnchors, type AnchorSource, type UpdateResult } from "./anchors";
import { loadCatalogue, loadKnownCodes, type LoadOptions } from "./catalogue.server";
import type { ContentProblem } from "./check";

export type CheckContentResult =
  | { ok: true; stats: { entries: number; compiled: number; cached: number; anchors: number } }
  | { ok: false; problems: ContentProblem[] };

type SourceResult = { ok: true; source: AnchorSource; stats: { entries: number; compiled: number; cached: number } } | { ok: false; problems: ContentProblem[] };

async function loadSource(root: string, cacheDir: LoadOptions["cacheDir"]): Promise<SourceResult> {
  const known = await loadKnownCodes(root);
  const loaded = await loadCatalogue({ root, knownCodes: known.codes, cacheDir });
  if (known.problems.length > 0 || !loaded.ok) {
    return { ok: false, problems: [...known.problems, ...(loaded.ok ? [] : loaded.problems)] };
  }
  return { ok: true, source: { entries: loaded.catalogue.entries, codes: [...(known.codes ?? [])] }, stats: loaded.stats };
}

/** The lock's text, or undefined when the file does not exist. */
export async function readAnchorsLock(root: string): Promise<string | undefined> {
  return readFile(path.join(root, anchorsLockFile), "utf8").catch((error: unknown) => {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return undefined;
    throw error;
  });
}

export async function checkContent(root: string, options: Pick<LoadOptions, "cacheDir"> = {}): Promise<CheckContentResult> {
  const loaded = await loadSource(root, options.cacheDir);
  // Anchors are judged only on content that loads: a broken entry would read as a vanished one.
  if (!loaded.ok) return loaded;
  const lockText = await readAnchorsLock(root);
  const problems = checkAnchors(loaded.source, lockText);
  if (problems.length > 0) return { ok: false, problems };
  const anchors = lockText?.split("\n").filter((line) => line.startsWith("/")).length ?? 0;
  return { ok: true, stats: { ...loaded.stats, anchors } };
}

/**
 * Adds the current anchors to the lock and writes it; refuses (writing nothing) while a locked
 * anchor is unresolved, or while the content does not load (`contentInvalid`: fix the entries first).
 */
export async function updateAnchorsLock(
  root: string,
  options: { drop?: readonly string[]; cacheDir?: LoadOptions["cacheDir"] } = {},
): Promise<(UpdateResult & { written?: "created" | "updated" | "unchanged" }) | { ok: false; problems: ContentProblem[]; contentInvalid: true }> {
  const loaded = await loadSource(root, options.cacheDir);
  if (!loaded.ok) return { ...loaded, contentInvalid: true };
  const lockText = await readAnchorsLock(root);
  const result = updateAnchors(loaded.source, lockText, options.drop);
  if (!result.ok) return result;
  if (result.text === lockText) return { ...result, written: "unchanged" };
  const file = path.join(root, anchorsLockFile);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, result.text);
  await rename(temporary, file);
  return { ...result, written: lockText === undefined ? "created" : "updated" };
}
