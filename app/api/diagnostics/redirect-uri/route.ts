import { serveDiagnostic } from "@/lib/net/diagnostics-route.server";

export function POST(request: Request): Promise<Response> {
  return serveDiagnostic(request, "redirect-uri");
}
