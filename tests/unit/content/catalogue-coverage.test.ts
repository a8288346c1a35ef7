// The real catalogue: it loads cleanly, every code the source documents name leads to an entry,
// and the entries that users confuse with each other link to each other.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue, loadKnownCodes } from "@/lib/content/catalogue.server";
import { formatProblem } from "@/lib/content/check";
import type { Catalogue } from "@/lib/content/entry";

const root = path.resolve(__dirname, "../../..");
let catalogue: Catalogue;

beforeAll(async () => {
  const known = await loadKnownCodes(root);
  expect(known.problems).toEqual([]);
  const result = await loadCatalogue({ root, knownCodes: known.codes });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  catalogue = result.catalogue;
}, 120_000);

// Every error code named in the IdP's and the other vendors' troubleshooting pages.
const seedCodes = [
  "invalid_client", "redirect_uri_mismatch", "invalid_request", "invalid_grant",
  "anonymous_not_allowed", "resume_token_expired", "resume_token_already_used",
  "promotion_incomplete", "resume_user_mismatch", "slow_down", "expired_token",
  "invalid_target", "invalid_scope", "token_expired", "unauthorized_client",
  "AADSTS7000215", "AADSTS500113", "AADSTS50011", "AADSTS7000222", "Connect API Error 215",
];

describe("the catalogue", () => {
  it.each(seedCodes)("has an entry for %s", (code) => {
    const entries = catalogue.entries.filter((entry) => entry.codes.includes(code));
    expect(entries.map((entry) => entry.slug)).not.toEqual([]);
  });

  it("ports the Widget SDK and Standard OAuth Flow entries of the IdP's page", () => {
    const ported = [
      "widget-qr-finder-clipped", "widget-unknown-client-id", "widget-empty-iframe", "widget-mount-after-load",
      "widget-postmessage-not-received", "invalid-client", "redirect-uri-mismatch", "redirect-uri-not-registered",
      "state-mismatch", "authorization-code-expired",
    ];
    expect(ported.filter((slug) => !catalogue.bySlug.has(slug))).toEqual([]);
  });

  it.each([
    ["redirect-uri-mismatch", "redirect-uri-not-registered"],
    ["iss-mismatch", "discovery-document-invalid"],
    ["state-mismatch", "samesite-cookie-blocks-callback"],
    ["invalid-client", "playground-token-exchange-invalid-client"],
    ["entra-aadsts50011-redirect-uri-mismatch", "redirect-uri-mismatch"],
  ])("links %s and %s both ways", (a, b) => {
    expect(catalogue.bySlug.get(a)?.related).toContain(b);
    expect(catalogue.bySlug.get(b)?.related).toContain(a);
  });

  it("gives every entry a symptom, at least one cause and a fix", () => {
    for (const entry of catalogue.entries) {
      expect(entry.symptom.text.length, entry.file).toBeGreaterThan(20);
      expect(entry.causes.length, entry.file).toBeGreaterThan(0);
      expect(entry.fix.text.length, entry.file).toBeGreaterThan(20);
    }
  });
});
