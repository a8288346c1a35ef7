// The MCP server card, so agents can find /mcp and its tools without connecting first.
import { serveServerCard } from "@/lib/mcp/card-route.server";

export const dynamic = "force-static";

export const GET = serveServerCard;
