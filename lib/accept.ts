// Content negotiation for entry URLs: does an `Accept` header ask for the Markdown representation
// rather than the HTML page? Pure, tolerant of malformed headers (a bad media range is skipped,
// never thrown on).
//
// Rules, in order:
// - Only `text/markdown` and `text/html` count; wildcards (`*/*`, `text/*`) are ignored, since every
//   browser sends them and they say nothing about which of the two the client wants.
// - A media range's weight is its `q` parameter (default 1); a range whose `q` is not a valid
//   qvalue (RFC 9110 §12.4.2: 0 to 1, at most three decimals) is skipped.
// - A type listed more than once keeps its highest weight.
// - Markdown wins when its weight is above 0 and at least that of HTML: a client that names
//   `text/markdown` as high as `text/html` (e.g. `text/markdown, text/html, */*`) is an agent,
//   because browsers never list it.

export type MediaRange = { type: string; subtype: string; q: number };

const token = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;
const qvalue = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/** Media ranges of an `Accept` header, in the order given; malformed ranges are left out. */
export function parseAccept(header: string | null | undefined): MediaRange[] {
  if (!header) return [];
  const ranges: MediaRange[] = [];
  for (const part of header.split(",")) {
    const [mediaType = "", ...params] = part.split(";");
    const [type = "", subtype = "", ...extra] = mediaType.trim().toLowerCase().split("/");
    if (extra.length > 0 || !token.test(type) || !token.test(subtype)) continue;
    const q = weightOf(params);
    if (q !== undefined) ranges.push({ type, subtype, q });
  }
  return ranges;
}

/** The `q` of a range's parameters: 1 when absent, undefined when malformed. */
function weightOf(params: readonly string[]): number | undefined {
  for (const param of params) {
    const [name = "", value = ""] = param.split("=").map((piece) => piece.trim());
    if (name.toLowerCase() === "q") return qvalue.test(value) ? Number(value) : undefined;
  }
  return 1;
}

function weightFor(ranges: readonly MediaRange[], type: string, subtype: string): number {
  return ranges.reduce((best, range) => (range.type === type && range.subtype === subtype ? Math.max(best, range.q) : best), 0);
}

/** True when `accept` prefers `text/markdown` to `text/html` (rules above). */
export function prefersMarkdown(accept: string | null | undefined): boolean {
  const ranges = parseAccept(accept);
  const markdown = weightFor(ranges, "text", "markdown");
  return markdown > 0 && markdown >= weightFor(ranges, "text", "html");
}
