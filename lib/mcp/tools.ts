// The MCP server's tools: each a thin adapter from MCP arguments to the same lib/ function and
// zod schema the API and the CLI use, answering JSON (`structuredContent`, and the same as text
// for clients that read only text). Bad arguments are a tool error the model can read and fix.
import { z } from "zod";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { entriesForCode, lookupCode, type CodeReference } from "../codes";
import type { Catalogue, Entry } from "../content/entry";
import { discoveryInputSchema } from "../diagnostics/discovery";
import type { ToolResult } from "../diagnostics/findings";
import { jwksInputSchema } from "../diagnostics/jwks";
import { providerPrecedenceInputSchema } from "../diagnostics/provider-precedence";
import { redirectUriInputSchema } from "../diagnostics/redirect-uri";
import type { DiagnosticOutcome } from "../diagnostics/run";
import { entryToMarkdown } from "../export/markdown";
import { searchIndex, type SearchIndex, type SearchResult } from "../search";
import { parseSearchRequest } from "../search/request";
import { formatZodIssues } from "../zod-issues";
import { absoluteUrl, causeUrl, codeUrl, entryMarkdownUrl, entryUrl } from "../urls";
import { toolInputSchema, type ObjectJsonSchema } from "./input-schema";

/** What the tools read and run; the server side supplies it per request. */
export type McpContext = {
  /** The public origin: every link in an answer is absolute on it. */
  origin: string;
  catalogue: () => Promise<Catalogue>;
  searchIndex: () => Promise<SearchIndex>;
  /** The ids `search`'s `library` accepts (content/libraries.json); without it, the libraries the index quotes. */
  libraries?: () => readonly string[];
  codes: () => CodeReference;
  /** A diagnostic from the registry, within the diagnostics' limits and SSRF guard. */
  runDiagnostic: (toolId: DiagnosticToolId, input: Record<string, unknown>) => Promise<DiagnosticOutcome<ToolResult>>;
};

export type DiagnosticToolId = "discovery" | "jwks" | "redirect-uri" | "provider-precedence";

export type McpTool = {
  name: string;
  title: string;
  description: string;
  inputSchema: ObjectJsonSchema;
  /** True when the tool reaches a host named in its input (the others read only the catalogue). */
  openWorld: boolean;
  call: (args: Record<string, unknown>, context: McpContext) => Promise<CallToolResult>;
};

/** The tool annotations every tool here carries: nothing is written, and a repeat gives the same. */
export function toolAnnotations(tool: Pick<McpTool, "title" | "openWorld">) {
  return { title: tool.title, readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: tool.openWorld };
}

// ---- answers --------------------------------------------------------------------------------

function answer(structured: Record<string, unknown>): CallToolResult {
  return { content: [{ type: "text", text: JSON.stringify(structured, null, 2) }], structuredContent: structured };
}

/** A refusal the model can act on: a stable code and a message that says what to change. */
export function toolError(error: string, message: string): CallToolResult {
  return { content: [{ type: "text", text: `${error}: ${message}` }], isError: true };
}

// ---- catalogue tools --------------------------------------------------------------------------

const searchArgs = z.strictObject({ query: z.string(), limit: z.number().int().optional(), library: z.string().optional() });
const entryArgs = z.strictObject({ slug: z.string().trim().min(1, "is empty; give an entry slug such as invalid-client").max(200) });
const codeArgs = z.strictObject({ code: z.string().trim().min(1, "is empty; give an error code such as invalid_client").max(100) });

/** Default number of search results: enough to choose from, short enough for a model's context. */
const defaultSearchLimit = 5;

function parseArgs<T>(schema: z.ZodType<T>, args: Record<string, unknown>, tool: string): { ok: true; value: T } | { ok: false; result: CallToolResult } {
  const parsed = schema.safeParse(args);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, result: toolError("invalid_arguments", `${tool}: ${formatZodIssues(parsed.error.issues)}`) };
}

/** In a sentence, why a search result came up (what in the input it matched). */
export function whyMatched(result: SearchResult): string {
  const reasons: string[] = [];
  if (result.matches.codes.length > 0) reasons.push(`the code ${result.matches.codes.map((code) => `\`${code}\``).join(", ")} matched exactly`);
  else if (result.match === "exact") reasons.push("a known library or server message matched verbatim");
  else if (result.match === "close") reasons.push("most of a known library or server message matched");
  if (result.matches.cause) reasons.push(`cause "${result.matches.cause.title}" fits`);
  if (result.match === "words" && result.matches.terms.length > 0) reasons.push(`words matched: ${result.matches.terms.slice(0, 8).join(", ")}`);
  return reasons.length > 0 ? `${reasons.join("; ")}.` : "related words matched.";
}

function entryLink(entry: Pick<Entry, "slug" | "title">, origin: string) {
  return { slug: entry.slug, title: entry.title, url: absoluteUrl(entryUrl(entry.slug), origin) };
}

async function search(args: Record<string, unknown>, context: McpContext): Promise<CallToolResult> {
  const parsedArgs = parseArgs(searchArgs, args, "search");
  if (!parsedArgs.ok) return parsedArgs.result;
  const index = await context.searchIndex();
  const libraries = context.libraries?.() ?? index.docs.libraries;
  const parsed = parseSearchRequest({ q: parsedArgs.value.query, limit: parsedArgs.value.limit ?? defaultSearchLimit, library: parsedArgs.value.library }, libraries);
  if (!parsed.ok) return toolError(parsed.error.error, parsed.error.message);
  const response = searchIndex(index, parsed.request.query, { limit: parsed.request.limit, library: parsed.request.library });
  return answer({
    query: response.query,
    ...(response.library === undefined ? {} : { library: response.library }),
    read_from_input: { codes: response.parsed.codes, statuses: response.parsed.statuses, descriptions: response.parsed.descriptions },
    results: response.results.map((result) => ({
      kind: result.kind,
      slug: result.slug,
      title: result.title,
      summary: result.summary,
      url: absoluteUrl(result.url, context.origin),
      codes: result.codes,
      cause: result.matches.cause ? { id: result.matches.cause.id, title: result.matches.cause.title } : null,
      score: result.score,
      why: whyMatched(result),
    })),
    next: response.results.length > 0 ? "Call get_entry with a result's slug for its causes and fix." : "Nothing matched: paste more of the error (the JSON body, the callback URL or the log line), or try lookup_code with the error code.",
  });
}

/** An entry by slug or retired alias, with where it was found from. */
export function resolveEntry(catalogue: Catalogue, slug: string): { entry: Entry; resolvedFrom?: string } | undefined {
  const direct = catalogue.bySlug.get(slug) ?? catalogue.bySlug.get(slug.toLowerCase());
  if (direct) return { entry: direct };
  const target = catalogue.aliases.get(slug) ?? catalogue.aliases.get(slug.toLowerCase());
  const entry = target === undefined ? undefined : catalogue.bySlug.get(target);
  return entry ? { entry, resolvedFrom: slug } : undefined;
}

/** The structured fields of an entry, every link absolute. */
export function entryFields(entry: Entry, catalogue: Catalogue, origin: string) {
  return {
    slug: entry.slug,
    title: entry.title,
    area: entry.area,
    summary: entry.summary,
    url: absoluteUrl(entryUrl(entry.slug), origin),
    markdown_url: absoluteUrl(entryMarkdownUrl(entry.slug), origin),
    codes: entry.codes,
    http: entry.http,
    messages: entry.messages.map((message) => ({ text: message.text, source: message.source ?? null })),
    causes: entry.causes.map((cause) => ({ id: cause.id, title: cause.title, url: absoluteUrl(causeUrl(entry.slug, cause.id), origin) })),
    fix: entry.fix.text,
    related: entry.related.flatMap((slug) => {
      const related = catalogue.bySlug.get(slug);
      return related ? [entryLink(related, origin)] : [];
    }),
    aliases: entry.aliases,
    updated: entry.updated,
  };
}

async function suggestions(context: McpContext, text: string): Promise<string> {
  const found = searchIndex(await context.searchIndex(), text.replace(/[-_]+/g, " "), { limit: 3 }).results.filter((result) => result.kind === "entry");
  return found.length > 0 ? ` Closest entries: ${found.map((result) => result.slug).join(", ")}.` : " Call search with the error text instead.";
}

async function getEntry(args: Record<string, unknown>, context: McpContext): Promise<CallToolResult> {
  const parsed = parseArgs(entryArgs, args, "get_entry");
  if (!parsed.ok) return parsed.result;
  const catalogue = await context.catalogue();
  const found = resolveEntry(catalogue, parsed.value.slug);
  if (!found) return toolError("not_found", `No entry has the slug "${parsed.value.slug.slice(0, 100)}".${await suggestions(context, parsed.value.slug)}`);
  const fields = { ...entryFields(found.entry, catalogue, context.origin), ...(found.resolvedFrom ? { resolved_from: found.resolvedFrom } : {}) };
  return {
    content: [{ type: "text", text: entryToMarkdown(found.entry, context.origin) }],
    structuredContent: fields,
  };
}

async function lookupCodeTool(args: Record<string, unknown>, context: McpContext): Promise<CallToolResult> {
  const parsed = parseArgs(codeArgs, args, "lookup_code");
  if (!parsed.ok) return parsed.result;
  const definitions = lookupCode(context.codes(), parsed.value.code);
  const first = definitions[0];
  if (first === undefined) {
    return toolError("unknown_code", `"${parsed.value.code.slice(0, 100)}" is not in the error-code reference.${await suggestions(context, parsed.value.code)}`);
  }
  const catalogue = await context.catalogue();
  return answer({
    code: first.code,
    url: absoluteUrl(codeUrl(first.code), context.origin),
    definitions: definitions.map((definition) => ({ ...definition })),
    entries: entriesForCode(catalogue.entries, first.code).map((entry) => entryLink(entry, context.origin)),
  });
}

// ---- diagnostics ------------------------------------------------------------------------------

type PreparedArgs = { ok: true; input: Record<string, unknown> } | { ok: false; result: CallToolResult };

/** Runs a registry diagnostic on the arguments (after `prepare`, which may refuse or complete them). */
function diagnosticTool(toolId: DiagnosticToolId, prepare: (args: Record<string, unknown>, context: McpContext) => PreparedArgs = (args) => ({ ok: true, input: args })) {
  return async (args: Record<string, unknown>, context: McpContext): Promise<CallToolResult> => {
    const prepared = prepare(args, context);
    if (!prepared.ok) return prepared.result;
    const outcome = await context.runDiagnostic(toolId, prepared.input);
    if (!outcome.ok) {
      const retry = outcome.retryAfterSeconds === undefined ? "" : ` (retry after ${outcome.retryAfterSeconds} s)`;
      return toolError(outcome.error.error, `${outcome.error.message}${retry}`);
    }
    return answer({ ...outcome.result, links_relative_to: context.origin });
  };
}

const issuerHelp = "The issuer URL exactly as the RP is configured with it, e.g. https://idp.example.com or https://idp.example.com/realms/acme (no /.well-known suffix).";

export const mcpTools: readonly McpTool[] = [
  {
    name: "search",
    title: "Search the troubleshooting catalogue",
    description:
      "Finds the catalogue entries that explain an OAuth 2.0 / OpenID Connect sign-in error. Pass the error exactly as the app saw it: a JSON error body, a callback URL with error=…, a WWW-Authenticate header, a stack trace or log line, or plain words. Returns entries best first, each with its URL (anchored at the matching cause when one fits), codes and why it matched; then call get_entry for the fix.",
    inputSchema: {
      type: "object",
      properties: {
        query: { type: "string", minLength: 1, maxLength: 10_000, description: "The error text, pasted whole (up to 10,000 characters), or a few words." },
        limit: { type: "integer", minimum: 1, maximum: 50, description: `How many results (default ${defaultSearchLimit}).` },
        library: { type: "string", description: "Only entries quoting a message of this library, framework or IdP (an id from /libraries, e.g. openid-client); its messages rank first." },
      },
      required: ["query"],
      additionalProperties: false,
    },
    openWorld: false,
    call: search,
  },
  {
    name: "get_entry",
    title: "Read one catalogue entry",
    description:
      "One troubleshooting entry as Markdown (symptom, every candidate cause, fix, how to verify) with its structured fields: codes, verbatim library messages, causes with their anchored URLs, related entries. A retired slug resolves to the entry that replaced it.",
    inputSchema: {
      type: "object",
      properties: { slug: { type: "string", minLength: 1, maxLength: 200, description: "The entry's slug, as returned by search (e.g. invalid-client)." } },
      required: ["slug"],
      additionalProperties: false,
    },
    openWorld: false,
    call: getEntry,
  },
  {
    name: "lookup_code",
    title: "Look up an error code",
    description:
      "Every definition of an OAuth/OIDC error code (standard, OpenID, this IdP's and other vendors' such as AADSTS…): what it means, where it is returned, its HTTP status and spec, and the catalogue entries that fix it. Case-insensitive.",
    inputSchema: {
      type: "object",
      properties: { code: { type: "string", minLength: 1, maxLength: 100, description: "The code exactly as returned, e.g. invalid_grant, login_required, AADSTS50011." } },
      required: ["code"],
      additionalProperties: false,
    },
    openWorld: false,
    call: lookupCodeTool,
  },
  {
    name: "check_discovery",
    title: "Check an issuer's discovery document",
    description:
      "Fetches <issuer>/.well-known/openid-configuration and checks it the way RP libraries do: exact issuer match, required fields, https endpoints, signing algorithms backed by keys, PKCE support, endpoints that answer. Each finding says what was seen and expected and links the entry that explains a failure. Works on public https issuers and on this site's bundled mock IdP (<site>/mock-idp and its scenarios).",
    inputSchema: toolInputSchema(discoveryInputSchema, { describe: { issuer: issuerHelp } }),
    openWorld: true,
    call: diagnosticTool("discovery"),
  },
  {
    name: "check_jwks",
    title: "List and check an issuer's signing keys",
    description:
      "Reads an issuer's JWKS (through discovery, or from jwks_uri directly) and lists every key (kid, kty, alg, use, size, thumbprint); flags private or symmetric material, duplicate or missing kids, weak or unusable keys and long cache lifetimes. Give issuer or jwks_uri, not both. Tokens are not accepted here: decode them in the browser at /tools/id-token.",
    inputSchema: toolInputSchema(jwksInputSchema, { omit: ["token"], describe: { issuer: issuerHelp, jwks_uri: "The key set URL, when there is no discovery document." } }),
    openWorld: true,
    call: diagnosticTool("jwks", (args) =>
      Object.hasOwn(args, "token")
        ? { ok: false, result: toolError("token_not_accepted", "check_jwks does not take a token: tokens stay in the user's browser. Check the token's kid in the id_token inspector (/tools/id-token) and pass only issuer or jwks_uri here.") }
        : { ok: true, input: args },
    ),
  },
  {
    name: "check_redirect_uri",
    title: "Check a redirect_uri against the registered ones",
    description:
      "Either compares offline — registered (the client's registered redirect URIs) and redirect_uri (the one the RP sends) — and names every difference (scheme, host, port, path, trailing slash, query, fragment, encoding, case); or asks the IdP live — issuer, client_id and redirect_uri — with an authorization request that is not followed, and reports whether the IdP accepts it (registered, redirect_uri_mismatch or not_registered).",
    inputSchema: toolInputSchema(redirectUriInputSchema, {
      describe: {
        registered: "Offline: the registered redirect URIs, exactly as in the IdP's console.",
        redirect_uri: "The redirect_uri the RP sends in its authorization request.",
        issuer: `Live: the issuer. ${issuerHelp}`,
        client_id: "Live: the RP's client_id.",
      },
    }),
    openWorld: true,
    call: diagnosticTool("redirect-uri"),
  },
  {
    name: "provider_precedence",
    title: "Work out which login methods the login screen shows",
    description:
      "Computes, as this IdP's login screen does, which sign-in methods appear for a client's console setting (base), the provider parameter the RP sends, and the methods the environment offers (available), step by step with the rule that decided each, and the email fallback when nothing is left. Method keys: comma-separated, e.g. google,kakao,email.",
    inputSchema: toolInputSchema(providerPrecedenceInputSchema, {
      omit: ["origin"],
      describe: {
        base: "The client's login methods in the console, comma-separated (e.g. google,kakao,email).",
        provider: "The provider parameter exactly as the RP sends it (may be empty or hold unknown keys).",
        available: "The methods this environment offers; leave out for all of them.",
      },
    }),
    openWorld: false,
    // The demo authorize URL in the answer points at this site's own mock IdP.
    call: diagnosticTool("provider-precedence", (args, context) => ({ ok: true, input: { ...args, origin: context.origin } })),
  },
];

export function findMcpTool(name: string): McpTool | undefined {
  return mcpTools.find((tool) => tool.name === name);
}
