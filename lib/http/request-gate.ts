// What happens to a request before routing: refused (a path that cannot be decoded, a method the
// URL does not take), answered (OPTIONS on a page), or passed on. proxy.ts applies it. Pure.
import { checkMethod } from "./method-policy";
import { checkPathEncoding } from "./path-encoding";
import { badPathEncoding, methodNotAllowed, toRefusalResponse, type Refusal } from "./refusals";

export type GateDecision = { kind: "pass" } | { kind: "options"; allow: string } | { kind: "refuse"; refusal: Refusal };

export function gateRequest(method: string, pathname: string): GateDecision {
  const encoding = checkPathEncoding(pathname);
  if (!encoding.ok) return { kind: "refuse", refusal: badPathEncoding(encoding.segment) };
  const verdict = checkMethod(method, pathname);
  if (verdict.kind === "options") return { kind: "options", allow: verdict.allow };
  if (verdict.kind === "not_allowed") return { kind: "refuse", refusal: methodNotAllowed(method, verdict.allow) };
  return { kind: "pass" };
}

/** The response for a decision that does not pass; HEAD gets the same status and headers without a body. */
export function toGateResponse(decision: Exclude<GateDecision, { kind: "pass" }>, pathname: string, method: string): Response {
  if (decision.kind === "options") return new Response(null, { status: 204, headers: { Allow: decision.allow, "Cache-Control": "no-store" } });
  const response = toRefusalResponse(decision.refusal, pathname);
  return method === "HEAD" ? new Response(null, { status: response.status, headers: response.headers }) : response;
}
