// Whatever a developer pastes (a JSON error body, a callback URL, an AADSTS line, a
// WWW-Authenticate header, a stack trace, a log line) → the error codes, HTTP statuses,
// descriptions and message lines it carries. Never throws; unrecognised text ends up in
// `messageLines` so search still sees it.

export type WwwAuthenticate = {
  scheme: string;
  params: Record<string, string>;
};

export type ParsedInput = {
  /** Error codes as written (`invalid_client`, `AADSTS50011`), deduplicated, in order of appearance. */
  codes: string[];
  statuses: number[];
  /** `error_description`s and messages of error bodies, decoded. */
  descriptions: string[];
  /** The remaining meaningful lines: stack frames, log prefixes and parsed bodies removed. */
  messageLines: string[];
  /** Entra ID codes, normalised to `AADSTS<digits>` (also listed in `codes`). */
  aadsts: string[];
  wwwAuthenticate?: WwwAuthenticate;
  raw: string;
};

const maxLines = 60;
const maxLineLength = 600;
const maxJsonLength = 20_000;

/** Keys of error bodies whose value is the error code. */
const codeKeys = new Set(["error", "error_code", "errorcode", "code", "error_type", "type"]);
/** Keys whose value describes the error in words. */
const descriptionKeys = new Set([
  "error_description", "errordescription", "description", "message", "error_message", "errormessage",
  "detail", "details", "reason", "msg", "hint",
]);
const statusKeys = new Set(["status", "statuscode", "status_code", "http_status", "httpstatus"]);

const reasonPhrases =
  "OK|Created|Accepted|No Content|Moved Permanently|Found|See Other|Not Modified|Temporary Redirect|Permanent Redirect|" +
  "Bad Request|Unauthorized|Payment Required|Forbidden|Not Found|Method Not Allowed|Not Acceptable|Request Timeout|" +
  "Conflict|Gone|Precondition Failed|Payload Too Large|Content Too Large|URI Too Long|Unsupported Media Type|" +
  "Unprocessable Entity|Unprocessable Content|Too Many Requests|Request Header Fields Too Large|Internal Server Error|" +
  "Not Implemented|Bad Gateway|Service Unavailable|Gateway Timeout";

const statusPatterns: RegExp[] = [
  /\bHTTP\/\d(?:\.\d)?\s+([1-5]\d\d)\b/gi,
  new RegExp(`\\b([1-5]\\d\\d)\\s+(?:${reasonPhrases})\\b`, "gi"),
  /\b(?:status|status[ _-]?code|http[ _-]?status|response code)["']?\s*(?:[:=]|is|of)?\s*["']?([1-5]\d\d)\b/gi,
  /\bHTTP\s+([1-5]\d\d)\b/gi,
  /\b(?:returned|returns|responded with|answered|answers|got|received)\s+(?:an?\s+)?(?:HTTP\s+)?([45]\d\d)\b/gi,
  /\b([45]\d\d)\s+(?:error|response|status)\b/gi,
];

/** A code-shaped value: `invalid_grant`, `slow_down`, `login_required`, `resume_token_expired`. */
function isCodeShaped(value: string): boolean {
  return /^[a-z][a-z0-9]*(?:[_.][a-z0-9]+)+$/.test(value) || /^AADSTS\d{4,}$/i.test(value) || /^IDX\d{5}$/.test(value);
}

type Collector = {
  codes: string[];
  statuses: number[];
  descriptions: string[];
  aadsts: string[];
};

function addUnique<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}

function addCode(out: Collector, value: string): void {
  // A log line's `error=invalid_grant,` or `error='invalid_grant'.` carries the punctuation around it.
  const code = value.trim().replace(/^["'`]+|["'`,;.:]+$/g, "");
  if (code.length === 0 || code.length > 80) return;
  const aadsts = /^AADSTS(\d{4,})$/i.exec(code);
  if (aadsts) {
    addAadsts(out, aadsts[1] ?? "");
    return;
  }
  addUnique(out.codes, code);
}

function addAadsts(out: Collector, digits: string): void {
  const code = `AADSTS${digits}`;
  addUnique(out.aadsts, code);
  addUnique(out.codes, code);
}

function addStatus(out: Collector, value: unknown): void {
  const status = typeof value === "number" ? value : typeof value === "string" && /^\d{3}$/.test(value.trim()) ? Number(value) : NaN;
  if (Number.isInteger(status) && status >= 100 && status <= 599) addUnique(out.statuses, status);
}

function addDescription(out: Collector, value: string): void {
  const text = value.replace(/\s+/g, " ").trim();
  if (text.length < 2) return;
  addUnique(out.descriptions, text.slice(0, maxLineLength));
  // Entra puts its code at the start of the description: "AADSTS50011: The redirect URI…".
  for (const match of text.matchAll(/\bAADSTS(\d{4,})\b/gi)) addAadsts(out, match[1] ?? "");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Walks a parsed JSON error body (nested `{ error: { code, message } }` included). */
function collectFromJson(out: Collector, value: unknown, depth: number, parentKey: string): void {
  if (depth > 5) return;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 20)) collectFromJson(out, item, depth + 1, parentKey);
    return;
  }
  if (!isRecord(value)) return;
  for (const [rawKey, child] of Object.entries(value)) {
    const key = rawKey.toLowerCase();
    if (key === "error_codes" && Array.isArray(child)) {
      // Entra's token endpoint lists its AADSTS numbers here.
      for (const item of child) if (typeof item === "number" || (typeof item === "string" && /^\d{4,}$/.test(item))) addAadsts(out, String(item));
      continue;
    }
    if (typeof child === "string") {
      if (codeKeys.has(key) && (key === "error" || parentKey === "error" || isCodeShaped(child))) {
        if (!/\s/.test(child.trim())) addCode(out, child);
        else addDescription(out, child);
      } else if (descriptionKeys.has(key)) {
        addDescription(out, child);
      } else if (statusKeys.has(key)) {
        addStatus(out, child);
      }
    } else if (typeof child === "number") {
      if (statusKeys.has(key)) addStatus(out, child);
    } else {
      collectFromJson(out, child, depth + 1, key);
    }
  }
}

/** The end index (exclusive) of the balanced JSON value starting at `start`, or -1. */
function matchBrace(text: string, start: number): number {
  const open = text[start];
  const close = open === "{" ? "}" : "]";
  let depth = 0;
  let inString = false;
  const end = Math.min(text.length, start + maxJsonLength);
  for (let i = start; i < end; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === "{" || char === "[") depth++;
    else if (char === "}" || char === "]") {
      depth--;
      if (depth === 0) return char === close ? i + 1 : -1;
    }
  }
  return -1;
}

/** Finds JSON objects anywhere in the text (a log line often wraps one); returns the text without them. */
function extractJson(out: Collector, text: string): string {
  let rest = "";
  let cursor = 0;
  // Bounded so that a paste full of unbalanced braces stays linear-ish.
  let attempts = 0;
  let i = text.indexOf("{");
  while (i !== -1 && attempts++ < 40) {
    const end = matchBrace(text, i);
    if (end === -1) {
      i = text.indexOf("{", i + 1);
      continue;
    }
    const candidate = text.slice(i, end);
    let parsed: unknown;
    let ok = false;
    try {
      parsed = JSON.parse(candidate);
      ok = true;
    } catch {
      ok = false;
    }
    if (ok && isRecord(parsed)) {
      collectFromJson(out, parsed, 0, "");
      rest += `${text.slice(cursor, i)}\n`;
      cursor = end;
      i = text.indexOf("{", end);
    } else {
      i = text.indexOf("{", i + 1);
    }
  }
  return rest + text.slice(cursor);
}

/** `?error=…&error_description=…` in a callback URL or a bare query string (also in a fragment). */
function extractQueryStrings(out: Collector, text: string): string {
  // A quoted value (`error="invalid_grant"` in a log event) is left to extractKeyValues.
  const queryPattern = /(?:[?#&]|^|\s)((?:[\w.%-]+=[^&\s#"'<>]*&)*error=[^&\s#"'<>]+(?:&[\w.%-]+=[^&\s#"'<>]*)*)/g;
  return text.replace(queryPattern, (whole: string, query: string) => {
    const params = new URLSearchParams(query);
    const error = params.get("error");
    if (error) addCode(out, error);
    const description = params.get("error_description");
    if (description) addDescription(out, description);
    // Keep what came before the query (e.g. the callback path); drop the parameters themselves.
    return whole.slice(0, whole.length - query.length).replace(/[?#&]$/, " ");
  });
}

/** `error=…`, `"error": '…'`, `:error => "…"`: key/value pairs that are not valid JSON (logfmt, Python, Ruby). */
function extractKeyValues(out: Collector, text: string): void {
  const pattern =
    /(?:^|[\s{,(;&[])[:"']?([a-z_]+)["']?\s*(?:=>|=|:)\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|([^\s,;&}\])]+(?:[^\S\n]+[^\s,;&}\])=]+)*))/gi;
  for (const match of text.matchAll(pattern)) {
    const key = (match[1] ?? "").toLowerCase();
    const quoted = match[2] ?? match[3];
    const bare = match[4];
    if (key === "error" || key === "error_code") {
      const value = (quoted ?? bare ?? "").trim();
      const first = value.split(/\s+/)[0] ?? "";
      if (isCodeShaped(first)) addCode(out, first);
    } else if (key === "error_description" || key === "errordescription") {
      const value = quoted ?? bare;
      if (value) addDescription(out, value.replace(/\\"/g, '"'));
    }
  }
}

/** `WWW-Authenticate: Bearer error="invalid_token", error_description="…"` (header name optional). */
function parseChallenge(value: string): WwwAuthenticate | undefined {
  const scheme = /^\s*([A-Za-z][\w-]*)(?:\s+|$)/.exec(value);
  if (!scheme?.[1]) return undefined;
  const params: Record<string, string> = {};
  const paramPattern = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g;
  for (const match of value.slice(scheme[0].length).matchAll(paramPattern)) {
    const name = (match[1] ?? "").toLowerCase();
    params[name] = (match[2] ?? match[3] ?? "").replace(/\\(.)/g, "$1");
  }
  return { scheme: scheme[1], params };
}

function extractWwwAuthenticate(out: Collector, text: string): { rest: string; header?: WwwAuthenticate } {
  let header: WwwAuthenticate | undefined;
  const lines = text.split("\n").map((line) => {
    const named = /^(.*?)\bwww-authenticate["']?\s*[:=]\s*["']?(.*)$/i.exec(line);
    const bare = named ? undefined : /^\s*((?:Bearer|DPoP)\s+(?:realm|error|scope|error_description)\s*=.*)$/i.exec(line);
    const challenge = named?.[2] ?? bare?.[1];
    if (challenge === undefined) return line;
    // A header quoted as a whole (`"www-authenticate": "Bearer …"`) leaves one unmatched quote at the end.
    const unbalanced = (challenge.match(/(?<!\\)"/g) ?? []).length % 2 === 1;
    const parsed = parseChallenge(unbalanced ? challenge.replace(/"\s*,?\s*$/, "") : challenge);
    if (!parsed) return line;
    header ??= parsed;
    if (parsed.params.error) addCode(out, parsed.params.error);
    if (parsed.params.error_description) addDescription(out, parsed.params.error_description);
    return named?.[1] ?? "";
  });
  return { rest: lines.join("\n"), header };
}

function extractStatuses(out: Collector, text: string): void {
  for (const pattern of statusPatterns) {
    for (const match of text.matchAll(pattern)) addStatus(out, match[1]);
  }
  // A query that is only a status ("401", "HTTP 401").
  const alone = /^\s*(?:HTTP\s*)?([1-5]\d\d)\s*$/i.exec(text);
  if (alone) addStatus(out, alone[1]);
}

/** Stack frames and other lines that never carry the message. */
function isNoiseLine(line: string): boolean {
  return (
    /^\s*at\s+(?:async\s+)?\S/.test(line) || // JavaScript, Java, .NET
    /^\s*File\s+"[^"]+",\s+line\s+\d+/.test(line) || // Python
    /^\s*Traceback \(most recent call last\)/.test(line) ||
    /^\s*(?:from\s+)?\S+\.(?:rb|py|js|ts|mjs|cjs|go|java|kt|php|dart|swift|cs):\d+(?::\d+)?(?::in\b.*)?$/.test(line) || // Ruby backtraces, bare file:line
    /^\s*#\d+\s+(?:\S+\.\w+\(\d+\)|\S+\s+\(|\{main\}|.*\.dart:\d+)/.test(line) || // PHP and Dart frames
    /^\s*\.\.\.\s*\d+\s+more\s*$/.test(line) ||
    /^\s*[\^~]+\s*$/.test(line) ||
    /^\s*[{}[\](),;]*\s*$/.test(line)
  );
}

/** Removes timestamps, log levels, logger names and pids that lead a log line. */
function stripLogPrefix(line: string): string {
  let result = line.trim();
  const prefix =
    /^(?:\[[^\]]{1,64}\]|\(\d+\)|\d{4}-\d{2}-\d{2}[T ][\d:.,]+(?:Z|[+-]\d{2}:?\d{2})?|\d{2}:\d{2}:\d{2}(?:[.,]\d+)?|(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|SEVERE)\b:?|[EWIDV]\/[\w.]+\s*(?:\(\s*\d+\))?:|level=\w+|ts=\S+|time="[^"]*"|time=\S+|pid=\d+|-)\s*/i;
  const tags: string[] = [];
  for (let i = 0; i < 8; i++) {
    const match = prefix.exec(result);
    if (!match || match[0].length === 0) break;
    const tag = /^\[([^\]]+)\]/.exec(match[0]);
    if (tag?.[1]) tags.push(tag[1]);
    result = result.slice(match[0].length);
  }
  // A line of tags alone (`[next-auth][error][NO_SECRET]`) is the message itself.
  if (result.length === 0 && tags.length > 1) return tags.join(" ");
  // logfmt: `msg="token exchange failed"` carries the message.
  const msg = /\bmsg="((?:[^"\\]|\\.)*)"/.exec(result);
  if (msg?.[1] && msg.index === 0) result = `${msg[1]} ${result.slice(msg[0].length)}`.trim();
  return result;
}

function toMessageLines(text: string): string[] {
  const lines: string[] = [];
  let afterPythonFrame = false;
  for (const rawLine of text.split("\n")) {
    if (/^\s*File\s+"[^"]+",\s+line\s+\d+/.test(rawLine)) {
      afterPythonFrame = true;
      continue;
    }
    // Python prints the source line of each frame, indented, right after it.
    if (afterPythonFrame && /^\s{2,}\S/.test(rawLine)) {
      afterPythonFrame = false;
      continue;
    }
    afterPythonFrame = false;
    if (isNoiseLine(rawLine)) continue;
    const line = stripLogPrefix(rawLine).replace(/^Caused by:\s*/i, "").replace(/\s+/g, " ").trim();
    if (!/\p{L}{2}/u.test(line)) continue;
    addUnique(lines, line.slice(0, maxLineLength));
    if (lines.length >= maxLines) break;
  }
  return lines;
}

/**
 * Library exceptions that carry the code in their message: `OPError: invalid_grant (…)`,
 * Python's `MismatchingStateError: (mismatching_state) …`, Flutter's
 * `PlatformException(authorize_failed, invalid_client, null)`.
 */
function extractExceptionCodes(out: Collector, lines: string[]): void {
  for (const line of lines) {
    const leading = /(?:^|[\s(])[\w.$]*(?:Error|Exception):\s*\(?([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\b/.exec(line);
    if (leading?.[1]) addCode(out, leading[1]);
    const call = /\b\w*(?:Error|Exception)\(([^)]{1,200})\)/.exec(line);
    for (const arg of call?.[1]?.split(",") ?? []) {
      const value = arg.trim().replace(/^["']|["']$/g, "");
      if (isCodeShaped(value)) addCode(out, value);
    }
  }
}

export function parseInput(input: string): ParsedInput {
  const raw = input;
  const out: Collector = { codes: [], statuses: [], descriptions: [], aadsts: [] };
  const text = input.replace(/\r\n?/g, "\n");

  const { rest: withoutHeaders, header } = extractWwwAuthenticate(out, text);
  const withoutJson = extractJson(out, withoutHeaders);
  const withoutQueries = extractQueryStrings(out, withoutJson);
  extractKeyValues(out, withoutQueries);
  extractStatuses(out, text);
  for (const match of text.matchAll(/\bAADSTS(\d{4,})\b/gi)) addAadsts(out, match[1] ?? "");
  // Microsoft.IdentityModel prefixes its messages with `IDX<5 digits>:`.
  for (const match of text.matchAll(/\bIDX(\d{5})\b/g)) addCode(out, `IDX${match[1] ?? ""}`);

  const messageLines = toMessageLines(withoutQueries).filter((line) => !out.descriptions.includes(line));
  extractExceptionCodes(out, messageLines);

  const parsed: ParsedInput = {
    codes: out.codes,
    statuses: out.statuses,
    descriptions: out.descriptions,
    messageLines,
    aadsts: out.aadsts,
    raw,
  };
  if (header) parsed.wwwAuthenticate = header;
  return parsed;
}

/** True when the input had recognisable structure beyond plain words (used to explain results). */
export function hasStructure(parsed: ParsedInput): boolean {
  return parsed.codes.length > 0 || parsed.statuses.length > 0 || parsed.descriptions.length > 0 || parsed.wwwAuthenticate !== undefined;
}
