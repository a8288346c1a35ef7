import { describe, expect, it } from "vitest";
import broken from "./fixtures/broken-codes.json";
import { formatCodeProblem, parseCodes } from "@/lib/codes";

const minimal = {
  codes: [
    {
      id: "slow_down@device-token",
      code: "slow_down",
      source: "iana",
      meaning: "The device is polling faster than allowed.",
      returned_at: "device-token",
      http: 400,
      retry: "Add 5 seconds to the interval.",
      spec: { title: "RFC 8628", url: "https://www.rfc-editor.org/rfc/rfc8628#section-3.5", section: "3.5" },
    },
  ],
};

function messagesFor(json: unknown, file?: string): string[] {
  const result = parseCodes(json, file);
  return result.ok ? [] : result.problems.map(formatCodeProblem);
}

describe("parseCodes", () => {
  it("accepts a minimal valid file", () => {
    const result = parseCodes(minimal);
    expect(result.ok).toBe(true);
  });

  it("fails the broken fixture with file: field: problem messages naming each field", () => {
    const messages = messagesFor(broken, "tests/unit/codes/fixtures/broken-codes.json");
    const joined = messages.join("\n");
    expect(messages.every((message) => message.startsWith("tests/unit/codes/fixtures/broken-codes.json: codes["))).toBe(true);
    expect(joined).toContain("codes[0].returned_at:");
    expect(joined).toContain("codes[0].spec.url: must be an https URL");
    expect(joined).toContain('codes[1].id: duplicate id "slow_down@device-token"');
    expect(joined).toContain("codes[1].vendor: is required");
    expect(joined).toContain("codes[2].http:");
    expect(joined).toContain("codes[2].meaning:");
    expect(joined).toContain('codes[2].id: must start with the code: write "expired_token@<place>"');
    expect(joined).toMatch(/codes\[2\]: .*colour/);
  });

  it("defaults the file name to content/codes.json", () => {
    expect(messagesFor({ codes: [] })).toEqual([expect.stringMatching(/^content\/codes\.json: codes: /)]);
  });

  it("reports a non-object input instead of throwing", () => {
    expect(messagesFor("not json")[0]).toMatch(/^content\/codes\.json: \(file\): /);
  });

  it("requires a spec for standard codes", () => {
    const [definition] = minimal.codes;
    const withoutSpec = { codes: [{ ...definition, spec: undefined }] };
    expect(messagesFor(withoutSpec).join("\n")).toContain("codes[0].spec: is required for standard codes");
  });
});
