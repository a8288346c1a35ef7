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
});

export type JwksResponse = z.infer<typeof jwksResponseSchema>;

/** The API's answer to bad input or a rate limit. */
export const errorResponseSchema = z.looseObject({ error: z.string(), message: z.string() });

/** Turns a schema into the `parse` a tool run takes: the typed body, or undefined. */
export function responseParser<T>(schema: z.ZodType<T>): (json: unknown) => T | undefined {
  return (json) => {
    const parsed = schema.safeParse(json);
    return parsed.success ? parsed.data : undefined;
  };
}
