// One MCP server over the catalogue and the diagnostics, built fresh for every HTTP request
// (stateless: nothing is kept between requests). Tools are listed and called through the SDK's
// request handlers with our own JSON Schemas and parsers, so an MCP client gets the validation
// and error messages the API gives; resources go through the SDK's registry.
import { McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError, type ReadResourceResult } from "@modelcontextprotocol/sdk/types.js";
import { entryToMarkdown, siteSummary, siteTitle } from "../export/markdown";
import { absoluteUrl, entryUrl } from "../urls";
import { findMcpTool, mcpTools, resolveEntry, toolAnnotations, type McpContext } from "./tools";

export const mcpServerInfo = { name: "oidc-fixbook", title: siteTitle, version: "0.1.0" } as const;

export const mcpInstructions =
  `${siteSummary} Start with search (paste the whole error), then get_entry for the causes and the fix. ` +
  "lookup_code explains one error code. check_discovery, check_jwks and check_redirect_uri test a live issuer; provider_precedence explains which login buttons appear. Every tool is read-only.";

export const entriesResourceUri = "fixbook://entries";

export function entryResourceUri(slug: string): string {
  return `${entriesResourceUri}/${slug}`;
}

function markdownResource(uri: string, text: string): ReadResourceResult {
  return { contents: [{ uri, mimeType: "text/markdown", text }] };
}

export function createMcpServer(context: McpContext): McpServer {
  const server = new McpServer(mcpServerInfo, { capabilities: { tools: {}, resources: {} }, instructions: mcpInstructions });

  server.server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: mcpTools.map((tool) => ({ name: tool.name, title: tool.title, description: tool.description, inputSchema: tool.inputSchema, annotations: toolAnnotations(tool) })),
  }));
  server.server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const tool = findMcpTool(request.params.name);
    if (tool === undefined) {
      throw new McpError(ErrorCode.InvalidParams, `Unknown tool "${request.params.name.slice(0, 60)}"; the tools are ${mcpTools.map((item) => item.name).join(", ")}.`);
    }
    return tool.call(request.params.arguments ?? {}, context);
  });

  server.registerResource(
    "entries",
    entriesResourceUri,
    { title: "Every catalogue entry", description: "The list of entries: slug, title, summary, codes and each entry's resource URI.", mimeType: "application/json" },
    async (uri) => {
      const catalogue = await context.catalogue();
      const entries = catalogue.entries.map((entry) => ({
        slug: entry.slug,
        title: entry.title,
        summary: entry.summary,
        codes: entry.codes,
        url: absoluteUrl(entryUrl(entry.slug), context.origin),
        resource: entryResourceUri(entry.slug),
      }));
      return { contents: [{ uri: uri.href, mimeType: "application/json", text: JSON.stringify({ entries }, null, 2) }] };
    },
  );

  server.registerResource(
    "entry",
    new ResourceTemplate(`${entriesResourceUri}/{slug}`, {
      list: async () => ({
        resources: (await context.catalogue()).entries.map((entry) => ({ uri: entryResourceUri(entry.slug), name: entry.slug, title: entry.title, description: entry.summary, mimeType: "text/markdown" })),
      }),
    }),
    { title: "One catalogue entry", description: "An entry as Markdown: symptom, causes, fix and how to verify.", mimeType: "text/markdown" },
    async (uri, variables) => {
      const slug = typeof variables.slug === "string" ? variables.slug : "";
      const catalogue = await context.catalogue();
      const found = resolveEntry(catalogue, slug);
      if (!found) throw new McpError(ErrorCode.InvalidParams, `No entry "${slug.slice(0, 100)}": read ${entriesResourceUri} for the list.`);
      return markdownResource(uri.href, entryToMarkdown(found.entry, context.origin));
    },
  );

  return server;
}
