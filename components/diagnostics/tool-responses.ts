// What the widgets accept from our diagnostics API, checked on arrival: a body that does not
// fit is reported as an unexpected answer instead of being rendered half-understood. Objects are
// loose so that fields the API adds later do not break older pages.
import { z } from "zod";
import { findingSchema } from "@/lib/diagnostics/findings";

const envelope = { ok: z.boolean(), checks: z.array(findingSchema) };

export const discoveryResponseSchema = z.looseObject({
  tool: z.literal("discovery"),
  ...envelope,
  issuer: z.string(),
  discovery_url: z.string(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

export type DiscoveryResponse = z.infer<typeof discoveryResponseSchema>;

const jwksKeySchema = z.looseObject({
  kid: z.string().nullable(),
  kty: z.string(),
  alg: z.string().nullable(),
  use: z.string().nullable(),
  crv: z.string().optional(),
  bits: z.number().optional(),
  thumbprint: z.string().nullable(),
});

export type JwksKey = z.infer<typeof jwksKeySchema>;

export const jwksResponseSchema = z.looseObject({
  tool: z.literal("jwks"),
  ...envelope,
  jwks_uri: z.string().nullable(),
  keys: z.array(jwksKeySchema),
  token: z.looseObject({ alg: z.string().optional(), kid: z.string().optional(), typ: z.string().optional() }).optional(),
  /** The keys' public members (with kid, alg, use), for checking a signature in the browser. */
  public_keys: z.array(z.record(z.string(), z.unknown())).optional(),
});

export type JwksResponse = z.infer<typeof jwksResponseSchema>;

const redirectUriDifferenceSchema = z.looseObject({ kind: z.string(), registered: z.string().optional(), requested: z.string().optional(), detail: z.string() });

export type RedirectUriDifferenceResponse = z.infer<typeof redirectUriDifferenceSchema>;

export const redirectUriResponseSchema = z.looseObject({
  tool: z.literal("redirect-uri"),
  ...envelope,
  mode: z.enum(["offline", "live"]),
  redirect_uri: z.string(),
  verdict: z.enum(["registered", "redirect_uri_mismatch", "not_registered"]).nullable(),
  closest: z.string().optional(),
  differences: z.array(redirectUriDifferenceSchema),
  answer: z.looseObject({ status: z.number().nullable(), error: z.string().nullable(), description: z.string().nullable() }),
  // Live only: the issuer asked, and what it answered.
  issuer: z.string().optional(),
  client_id: z.string().optional(),
  request_url: z.string().nullable().optional(),
  observed: z.looseObject({ status: z.number(), location: z.string().nullable() }).nullable().optional(),
});

export type RedirectUriResponse = z.infer<typeof redirectUriResponseSchema>;

/** The API's answer to bad input or a rate limit. */
export const errorResponseSchema = z.looseObject({ error: z.string(), message: z.string() });

/** Turns a schema into the `parse` a tool run takes: the typed body, or undefined. */
export function responseParser<T>(schema: z.ZodType<T>): (json: unknown) => T | undefined {
  return (json) => {
    const parsed = schema.safeParse(json);
    return parsed.success ? parsed.data : undefined;
  };
}

const codeDefinitionSchema = z.looseObject({
  id: z.string(),
  code: z.string(),
  source_label: z.string(),
  vendor: z.string().optional(),
  meaning: z.string(),
  returned_at_label: z.string(),
  http_label: z.string(),
  retry: z.string().optional(),
  spec: z.looseObject({ title: z.string(), url: z.string(), section: z.string().optional() }).optional(),
});

export const errorLookupResponseSchema = z.looseObject({
  tool: z.literal("error-lookup"),
  ...envelope,
  parsed: z.looseObject({
    codes: z.array(z.string()),
    status: z.number().nullable(),
    description: z.string().nullable(),
    vendor: z.string().nullable(),
  }),
  codes: z.array(z.looseObject({ code: z.string(), known: z.boolean(), url: z.string().optional(), definitions: z.array(codeDefinitionSchema) })),
  entries: z.array(z.looseObject({ slug: z.string(), title: z.string(), url: z.string(), cause: z.looseObject({ id: z.string(), title: z.string() }).optional() })),
});

export type ErrorLookupResponse = z.infer<typeof errorLookupResponseSchema>;
