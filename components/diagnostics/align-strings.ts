// Two strings lined up for display, character by character: the redirect_uri checker shows the
// registered URI above the requested one with every difference marked. A longest common
// subsequence puts equal characters in the same column; what lies between them is one run of
// differing text on either side (either may be empty: a character added or left out).

export type AlignedRun = { same: true; text: string } | { same: false; top: string; bottom: string };

// Above this many DP cells (two 1,000-character URIs) only the common prefix and suffix are kept.
const maxCells = 1_000_000;

function commonPrefix(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length += 1;
  return length;
}

function commonSuffix(a: string, b: string, prefix: number): number {
  let length = 0;
  while (length < a.length - prefix && length < b.length - prefix && a[a.length - 1 - length] === b[b.length - 1 - length]) length += 1;
  return length;
}

type Op = { kind: "same" | "top" | "bottom"; char: string };

/** The edit script of two strings with no common prefix or suffix worth trimming. */
function lcsOps(a: string, b: string): Op[] {
  if (a.length * b.length > maxCells || a.length === 0 || b.length === 0) {
    return [...[...a].map((char): Op => ({ kind: "top", char })), ...[...b].map((char): Op => ({ kind: "bottom", char }))];
  }
  const width = b.length + 1;
  // table[i * width + j]: length of the LCS of a[i:] and b[j:].
  const table = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      table[i * width + j] = a[i] === b[j] ? (table[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const charA = a[i] ?? "";
    const charB = b[j] ?? "";
    if (charA === charB) {
      ops.push({ kind: "same", char: charA });
      i += 1;
      j += 1;
    } else if ((table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0)) {
      ops.push({ kind: "top", char: charA });
      i += 1;
    } else {
      ops.push({ kind: "bottom", char: charB });
      j += 1;
    }
  }
  for (; i < a.length; i += 1) ops.push({ kind: "top", char: a[i] ?? "" });
  for (; j < b.length; j += 1) ops.push({ kind: "bottom", char: b[j] ?? "" });
  return ops;
}

/** `top` and `bottom` as runs of shared text and of differing text; equal strings give one run. */
export function alignStrings(top: string, bottom: string): AlignedRun[] {
  const prefix = commonPrefix(top, bottom);
  const suffix = commonSuffix(top, bottom, prefix);
  const ops = lcsOps(top.slice(prefix, top.length - suffix), bottom.slice(prefix, bottom.length - suffix));
  const runs: AlignedRun[] = [];
  const push = (op: Op) => {
    const last = runs.at(-1);
    if (op.kind === "same") {
      if (last?.same) last.text += op.char;
      else runs.push({ same: true, text: op.char });
      return;
    }
    const run = last !== undefined && !last.same ? last : { same: false as const, top: "", bottom: "" };
    if (run !== last) runs.push(run);
    if (op.kind === "top") run.top += op.char;
    else run.bottom += op.char;
  };
  for (const char of top.slice(0, prefix)) push({ kind: "same", char });
  for (const op of ops) push(op);
  for (const char of top.slice(top.length - suffix)) push({ kind: "same", char });
  return runs;
}
