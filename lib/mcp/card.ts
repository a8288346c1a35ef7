// The MCP server card (`/.well-known/mcp`, also at the paths the server-card proposals use): what
// an agent needs to connect before any MCP handshake: name, endpoint, transport, tools and
// resources. Built from the same tool list the server answers `tools/list` with.
import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";
import { siteSummary } from "../export/markdown";
import { absoluteUrl } from "../urls";
import { entriesResourceUri, mcpInstructions, mcpServerInfo } from "./server";
import { mcpTools, toolAnnotations } from "./tools";

export const mcpEndpointPath = "/mcp";

export function buildServerCard(origin: string) {
  return {
    $schema: "https://static.modelcontextprotocol.io/schemas/mcp-server-card/v1.json",
    version: "1.0",
    protocolVersion: LATEST_PROTOCOL_VERSION,
    serverInfo: mcpServerInfo,
    description: siteSummary,
    instructions: mcpInstructions,
    documentationUrl: absoluteUrl("/llms.txt", origin),
    transport: { type: "streamable-http", endpoint: absoluteUrl(mcpEndpointPath, origin) },
    capabilities: { tools: {}, resources: {} },
    authentication: { required: false },
    tools: mcpTools.map((tool) => ({ name: tool.name, title: tool.title, description: tool.description, inputSchema: tool.inputSchema, annotations: toolAnnotations(tool) })),
    resources: [{ uri: entriesResourceUri, name: "entries", mimeType: "application/json" }],
    resourceTemplates: [{ uriTemplate: `${entriesResourceUri}/{slug}`, name: "entry", mimeType: "text/markdown" }],
  };
}
