import { serveDiagnostic } from "@/lib/net/diagnostics-route.server";

export function GET(request: Request): Promise<Response> {
  return serveDiagnostic(request, "discovery");
}

export function POST(request: Request): Promise<Response> {
  return serveDiagnostic(request, "discovery");
}

// Methods it does not take: 405 with Allow (it runs without proxy.ts, which would say so).
export { refuseMethod as PUT, refuseMethod as DELETE, refuseMethod as PATCH } from "@/lib/http/refuse-method";
