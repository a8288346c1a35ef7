// The MCP endpoint (Streamable HTTP, stateless): see lib/mcp/http.server.ts.
import { serveMcp } from "@/lib/mcp/http.server";

export const dynamic = "force-dynamic";

export const GET = serveMcp;
export const POST = serveMcp;
export const DELETE = serveMcp;
// It answers every other method 405 with Allow: POST (this route runs without proxy.ts).
export const PUT = serveMcp;
export const PATCH = serveMcp;
