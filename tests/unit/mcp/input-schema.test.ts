// Tool input schemas come from the diagnostics' own zod schemas.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toolInputSchema } from "@/lib/mcp/input-schema";

describe("toolInputSchema", () => {
  it("keeps an object's members and required list, describing and omitting as asked", () => {
    const schema = z.strictObject({ issuer: z.string().max(10), token: z.string().optional(), limit: z.number().optional() });
    expect(toolInputSchema(schema, { omit: ["token"], describe: { issuer: "the issuer" } })).toEqual({
      type: "object",
      properties: { issuer: { type: "string", maxLength: 10, description: "the issuer" }, limit: { type: "number" } },
      required: ["issuer"],
      additionalProperties: false,
    });
  });

  it("merges a union of objects into one object with an anyOf of required sets", () => {
    const schema = z.union([z.strictObject({ a: z.string(), c: z.string() }), z.strictObject({ b: z.string(), c: z.string() })]);
    const converted = toolInputSchema(schema);
    expect(Object.keys(converted.properties)).toEqual(["a", "c", "b"]);
    expect(converted.anyOf).toEqual([{ required: ["a", "c"] }, { required: ["b", "c"] }]);
    expect(converted.required).toBeUndefined();
  });

  it("describes the input side of a transform", () => {
    const schema = z.strictObject({ list: z.string().transform((value) => value.split(",")) });
    expect(toolInputSchema(schema).properties.list).toEqual({ type: "string" });
  });

  it("refuses a schema that is not an object", () => {
    expect(() => toolInputSchema(z.string())).toThrow(/not an object/);
  });
});
