// Highlight ranges → text parts. Separate from the engine so UI code can render results without
// importing the engine (and fuse.js) eagerly.

export type TextRange = [start: number, end: number];

export type TextPart = { text: string; match: boolean };

/** Splits text into plain and matched parts; ranges must be sorted and non-overlapping. */
export function splitHighlights(text: string, ranges: readonly TextRange[]): TextPart[] {
  const parts: TextPart[] = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (start < cursor || end > text.length || start >= end) continue;
    if (start > cursor) parts.push({ text: text.slice(cursor, start), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    cursor = end;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor), match: false });
  return parts;
}
