// The demo client registry (content/mock-idp/clients.json): its schema, validation with
// messages that name the failing field, and lookups. Types are inferred from the schema.
import { z } from "zod";
import { loginMethods } from "@/lib/diagnostics/provider-precedence";

export const deviceCodeGrantType = "urn:ietf:params:oauth:grant-type:device_code";

const grantTypes = ["authorization_code", "refresh_token", deviceCodeGrantType] as const;

// logi compares redirect_uris character for character and allows no query string or fragment.
// Mock-only extension (logi has none): a redirect_uri written as a path, e.g. "/tools/id-token",
// means that path on the origin the mock IdP itself is served from, so this site's own pages can
// be a demo client's callback wherever the site runs. `resolveRedirectUris` turns it into
// `<origin><path>` per request; matching stays exact after that.
const pathBase = "http://mock-idp.invalid";

const redirectUriSchema = z.string().superRefine((value, context) => {
  const isPath = value.startsWith("/");
  if (isPath && (value.startsWith("//") || value.includes("\\"))) {
    context.addIssue({ code: "custom", message: `"${value}" is not a path on the mock IdP's origin: a leading // or a backslash points at another host; write one leading / or an absolute URL` });
    return;
  }
  if (!isPath && !URL.canParse(value)) {
    context.addIssue({ code: "custom", message: `"${value}" is neither an absolute URL nor a path on the mock IdP's own origin (starting with /)` });
    return;
  }
  const url = new URL(value, pathBase);
  const hasQuery = url.search !== "" || value.includes("?");
  const hasFragment = url.hash !== "" || value.includes("#");
  if (hasQuery) context.addIssue({ code: "custom", message: `"${value}" has a query string; registered redirect_uris may not` });
  if (hasFragment) context.addIssue({ code: "custom", message: `"${value}" has a fragment; redirect_uris may not` });
  // Exact matching after resolution needs the path as a browser sends it: no dot segments, no re-escaping.
  if (isPath && !hasQuery && !hasFragment && url.pathname !== value) context.addIssue({ code: "custom", message: `"${value}" is not a plain path (it resolves to ${url.pathname}); write it as the browser will send it` });
});

const clientSchema = z
  .object({
    client_id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, "use 1–64 letters, digits, _ . or -"),
    client_name: z.string().min(1).max(100),
    type: z.enum(["confidential", "public"]),
    client_secret: z.string().min(8).max(200).optional(),
    redirect_uris: z.array(redirectUriSchema),
    grant_types: z.array(z.enum(grantTypes)).min(1).default(["authorization_code", "refresh_token"]),
    /** The console's login-method restriction; empty means every method. */
    login_methods: z.array(z.enum(loginMethods)).default([]),
    /** Whether an anonymous logi account (no linked identity, no email) may sign in. Like logi, off unless set. */
    allow_anonymous_grants: z.boolean().default(false),
    id_token_signed_response_alg: z.enum(["RS256", "ES256"]).default("RS256"),
  })
  .strict()
  .superRefine((client, context) => {
    if (client.type === "confidential" && client.client_secret === undefined) {
      context.addIssue({ code: "custom", path: ["client_secret"], message: "a confidential client needs a client_secret" });
    }
    if (client.type === "public" && client.client_secret !== undefined) {
      context.addIssue({ code: "custom", path: ["client_secret"], message: "a public client must not have a client_secret" });
    }
    if (client.grant_types.includes("authorization_code") && client.redirect_uris.length === 0) {
      context.addIssue({ code: "custom", path: ["redirect_uris"], message: "the authorization_code grant needs at least one redirect_uri" });
    }
  });

const registrySchema = z
  .object({
    warning: z.string().optional(),
    clients: z.array(clientSchema),
  })
  .strict()
  .superRefine((registry, context) => {
    const seen = new Set<string>();
    registry.clients.forEach((client, index) => {
      if (seen.has(client.client_id)) {
        context.addIssue({ code: "custom", path: ["clients", index, "client_id"], message: `duplicate client_id "${client.client_id}"` });
      }
      seen.add(client.client_id);
    });
  });

export type MockClient = z.infer<typeof clientSchema>;
export type MockRegistry = z.infer<typeof registrySchema>;

export type RegistryResult = { ok: true; registry: MockRegistry } | { ok: false; problems: string[] };

/** Validates registry data; each problem reads `<source>: clients[2].redirect_uris[0]: <what is wrong>`. */
export function parseRegistry(data: unknown, source: string): RegistryResult {
  const parsed = registrySchema.safeParse(data);
  if (parsed.success) return { ok: true, registry: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const path = issue.path.map((part, index) => (typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`)).join("");
      return `${source}: ${path || "(root)"}: ${issue.message}`;
    }),
  };
}

export function findClient(registry: MockRegistry, clientId: string): MockClient | undefined {
  return registry.clients.find((client) => client.client_id === clientId);
}

/** The client's redirect_uris as absolute URLs for a request served on `origin`: a path entry becomes `<origin><path>`. */
export function resolveRedirectUris(client: Pick<MockClient, "redirect_uris">, origin: string): string[] {
  return client.redirect_uris.map((uri) => (uri.startsWith("/") ? `${origin}${uri}` : uri));
}

export function allowsGrant(client: MockClient, grantType: (typeof grantTypes)[number]): boolean {
  return client.grant_types.includes(grantType);
}
