// The one definition of the error-code reference (`content/codes.json`). Types are inferred from
// these schemas; nothing else in the project restates them.
import { z } from "zod";

/** Who defines the code. IANA-registered OpenID Connect Core codes are `oidc`, so they group together. */
export const codeSources = ["iana", "oidc", "idp", "vendor"] as const;

/**
 * Where the RP meets the error. A code returned in several places with different statuses or
 * meanings gets one definition per place (e.g. `access_denied` in the authorization response
 * and while polling the device token endpoint).
 */
export const returnedAtValues = [
  "authorization-response", // redirected back to the RP in the query (?error=…)
  "authorization-endpoint", // shown or answered by the IdP itself; the browser never reaches the RP
  "token-endpoint",
  "device-authorization",
  "device-token", // token endpoint while polling with a device_code (RFC 8628)
  "resource", // protected resource, in WWW-Authenticate
  "registration",
  "revocation",
  "federation-endpoint",
  "idp-api", // an IdP or product HTTP API that is not an OAuth endpoint
  "other",
] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Cross-field rules also run when other fields of the same definition are broken (zod skips them
// by default), so an author sees every problem in one pass. They only read fields whose type they
// check here first.
function hasIdAndCode(payload: { value: unknown }): boolean {
  return isRecord(payload.value) && typeof payload.value.id === "string" && typeof payload.value.code === "string";
}

function hasCodesArray(payload: { value: unknown }): boolean {
  return isRecord(payload.value) && Array.isArray(payload.value.codes);
}

// `code@where`, e.g. `access_denied@device-token`; the part after `@` is kebab-case.
const idPattern = /^[^@\s](?:[^@]*[^@\s])?@[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const codeSpecSchema = z.strictObject({
  title: z.string().min(3),
  url: z.url({ protocol: /^https$/, error: "must be an https URL" }),
  /** Section number as printed in the document, e.g. `5.2`. */
  section: z.string().min(1).optional(),
});

export const codeDefinitionSchema = z
  .strictObject({
    id: z.string().regex(idPattern, "must be `<code>@<kebab-case-place>`, e.g. access_denied@device-token"),
    code: z.string().min(1).refine((value) => value.trim() === value, "must not start or end with spaces"),
    source: z.enum(codeSources),
    vendor: z.string().min(2).optional(),
    meaning: z.string().min(20),
    returned_at: z.enum(returnedAtValues),
    /** Typical status of the response carrying the error; null when it arrives in a redirect or on a page. */
    http: z.number().int().min(100).max(599).nullable(),
    /** What a client should do about retrying, when the spec or the IdP gives a rule. */
    retry: z.string().min(5).optional(),
    /** The standard `error` value a vendor code comes with (e.g. AADSTS7000215 → invalid_client). */
    oauth_error: z.string().min(1).optional(),
    spec: codeSpecSchema.optional(),
  })
  .superRefine((definition, ctx) => {
    if (!definition.id.startsWith(`${definition.code}@`)) {
      ctx.addIssue({
        code: "custom",
        path: ["id"],
        message: `must start with the code: write "${definition.code}@<place>"`,
      });
    }
    if (definition.source === "vendor" && !definition.vendor) {
      ctx.addIssue({ code: "custom", path: ["vendor"], message: 'is required when source is "vendor": name the product' });
    }
    if (definition.source !== "vendor" && definition.vendor) {
      ctx.addIssue({ code: "custom", path: ["vendor"], message: 'is only allowed when source is "vendor"' });
    }
    if ((definition.source === "iana" || definition.source === "oidc") && !definition.spec) {
      ctx.addIssue({ code: "custom", path: ["spec"], message: "is required for standard codes: link the defining section" });
    }
  }, { when: hasIdAndCode });

export const codesFileSchema = z
  .strictObject({
    /** Free text for people editing the file. */
    $comment: z.string().optional(),
    codes: z.array(codeDefinitionSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    // `file.codes` may still hold broken items here (see `when`), so read ids defensively.
    const items: unknown[] = file.codes;
    items.forEach((item, index) => {
      if (!isRecord(item) || typeof item.id !== "string") return;
      const first = seen.get(item.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["codes", index, "id"],
          message: `duplicate id "${item.id}" (first used at codes[${first}]): ids must be unique`,
        });
      } else {
        seen.set(item.id, index);
      }
    });
  }, { when: hasCodesArray });

export type CodeSource = (typeof codeSources)[number];
export type ReturnedAt = (typeof returnedAtValues)[number];
export type CodeSpec = z.infer<typeof codeSpecSchema>;
export type CodeDefinition = z.infer<typeof codeDefinitionSchema>;
export type CodesFile = z.infer<typeof codesFileSchema>;
