import { describe, expect, it } from "vitest";
import { fromCatalogueRow, toCatalogueRow } from "@/lib/content/catalogue-row";

describe("catalogue rows", () => {
  it("carry an entry's slug, title, summary, codes and causes in order, and read back the same", () => {
    const entry = {
      slug: "invalid-client",
      title: "401 invalid_client from the token endpoint",
      summary: "The IdP cannot authenticate the client.",
      codes: ["invalid_client", "AADSTS7000215"],
      causes: [
        { id: "secret-rotated", title: "The secret was rotated" },
        { id: "wrong-environment", title: "The credentials belong to another environment" },
      ],
    };
    const row = toCatalogueRow(entry);
    expect(row).toEqual([
      "invalid-client",
      "401 invalid_client from the token endpoint",
      "The IdP cannot authenticate the client.",
      "invalid_client · AADSTS7000215",
      "secret-rotated",
      "The secret was rotated",
      "wrong-environment",
      "The credentials belong to another environment",
    ]);
    expect(fromCatalogueRow(row)).toEqual(entry);
  });

  it("reads an entry without codes or causes as empty lists", () => {
    const entry = { slug: "plain", title: "Plain", summary: "Nothing else.", codes: [], causes: [] };
    expect(fromCatalogueRow(toCatalogueRow(entry))).toEqual(entry);
  });
});
