import { describe, expect, it } from "vitest";
import { frontmatterSchema } from "@/lib/content/schema";

const valid = {
  title: "401 invalid_client",
  area: "oauth-flow",
  summary: "The client could not be authenticated.",
  rank: 1,
  updated: "2026-11-20",
};

describe("frontmatterSchema", () => {
  it("fills defaults and normalises messages to objects", () => {
    const parsed = frontmatterSchema.parse({ ...valid, messages: ["plain text", { text: "with source", source: "jose@5" }] });
    expect(parsed.codes).toEqual([]);
    expect(parsed.aliases).toEqual([]);
    expect(parsed.messages).toEqual([{ text: "plain text" }, { text: "with source", source: "jose@5" }]);
  });

  it("accepts a YAML Date and keeps the day", () => {
    expect(frontmatterSchema.parse({ ...valid, updated: new Date("2026-11-20T00:00:00Z") }).updated).toBe("2026-11-20");
  });

  it.each([
    ["updated", "2026-13-45", "not a date"],
    ["updated", "20 Nov 2026", "not a date"],
    ["slug", "Not_Kebab", "kebab-case"],
    ["rank", 0, ""],
    ["http", [99], ""],
    ["widgets", ["nope"], ""],
  ])("rejects %s = %j", (field, value, message) => {
    const result = frontmatterSchema.safeParse({ ...valid, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(field);
    expect(result.error?.issues[0]?.message).toContain(message);
  });

  it("rejects unknown fields so typos do not pass silently", () => {
    const result = frontmatterSchema.safeParse({ ...valid, relatd: ["x"] });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain("relatd");
  });

  it("requires title, area, summary, rank and updated", () => {
    const result = frontmatterSchema.safeParse({});
    const fields = result.error?.issues.map((issue) => issue.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["title", "area", "summary", "rank", "updated"]));
  });
});
