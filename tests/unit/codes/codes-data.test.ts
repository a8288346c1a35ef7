// content/codes.json itself: it validates, and it covers the IANA registry and every code the
// seeds name.
import { describe, expect, it } from "vitest";
import data from "@/content/codes.json";
import { formatCodeProblem, lookupCode, parseCodes } from "@/lib/codes";
import { getCodeReference } from "@/lib/codes/reference";
import { readIanaRows } from "./iana-tsv";

describe("content/codes.json", () => {
  it("validates against the schema", () => {
    const result = parseCodes(data);
    expect(result.ok ? [] : result.problems.map(formatCodeProblem)).toEqual([]);
  });

  it("loads through getCodeReference", () => {
    expect(getCodeReference().definitions.length).toBeGreaterThan(60);
  });

  it("has unique ids", () => {
    const ids = data.codes.map((definition) => definition.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has a definition for every row of the IANA OAuth Extensions Error Registry", () => {
    const rows = readIanaRows();
    expect(rows).toHaveLength(50);
    const reference = getCodeReference();
    const missing = rows.filter((row) => !reference.byCode.has(row.name)).map((row) => row.name);
    expect(missing).toEqual([]);
  });

  it("keeps the two registered meanings of access_denied apart", () => {
    const places = lookupCode(getCodeReference(), "access_denied").map((definition) => definition.returned_at);
    expect(places).toEqual(expect.arrayContaining(["authorization-response", "device-token"]));
  });

  it("gives device-flow registry rows a device-token definition", () => {
    const reference = getCodeReference();
    const deviceRows = readIanaRows().filter((row) => row.protocolExtension === "Device Authorization Grant");
    expect(deviceRows.map((row) => row.name).sort()).toEqual(
      ["access_denied", "authorization_pending", "expired_token", "slow_down"],
    );
    for (const row of deviceRows) {
      const places = lookupCode(reference, row.name).map((definition) => definition.returned_at);
      expect(places, row.name).toContain("device-token");
    }
  });

  it("states the slow_down rule (+5 seconds)", () => {
    const [slowDown] = lookupCode(getCodeReference(), "slow_down");
    expect(slowDown?.retry).toMatch(/5 seconds/);
  });

  it("covers every code the seeds name", () => {
    const seedCodes = [
      "invalid_client", "invalid_grant", "invalid_request", "invalid_scope", "invalid_target",
      "redirect_uri_mismatch", "anonymous_not_allowed", "resume_token_expired",
      "resume_token_already_used", "promotion_incomplete", "resume_user_mismatch", "slow_down",
      "token_expired", "unauthorized_client", "AADSTS7000215", "AADSTS500113", "AADSTS50011",
      "AADSTS7000222", "Connect API Error 215",
    ];
    const reference = getCodeReference();
    expect(seedCodes.filter((code) => !reference.byCode.has(code))).toEqual([]);
  });

  it("links standard codes to a specification over https", () => {
    for (const definition of getCodeReference().definitions) {
      if (definition.source === "iana" || definition.source === "oidc") {
        expect(definition.spec?.url, definition.id).toMatch(/^https:\/\//);
      }
    }
  });
});
