// A tool's `inputSchema` for MCP clients, generated from the zod schema the API and the CLI
// parse the same input with (so the published shape cannot drift from what is accepted).
import { z } from "zod";

export type JsonSchema = { [key: string]: unknown };

/** What MCP requires of a tool's input: a JSON Schema object at the top level. */
export type ObjectJsonSchema = JsonSchema & { type: "object"; properties: Record<string, JsonSchema> };

export type ToolInputOptions = {
  /** Members the tool does not take over MCP (e.g. a token, which stays in the browser). */
  omit?: readonly string[];
  /** Per member, what an agent should put there. */
  describe?: Readonly<Record<string, string>>;
};

function isObjectSchema(value: unknown): value is ObjectJsonSchema {
  return typeof value === "object" && value !== null && "type" in value && value.type === "object" && "properties" in value;
}

function requiredOf(schema: JsonSchema): string[] {
  return Array.isArray(schema.required) ? schema.required.filter((key): key is string => typeof key === "string") : [];
}

/**
 * Converts `schema` (its input side: before transforms). A union of objects (one tool, two
 * shapes of input) becomes one object with every member and an `anyOf` of the required sets.
 */
export function toolInputSchema(schema: z.ZodType, options: ToolInputOptions = {}): ObjectJsonSchema {
  const converted: JsonSchema = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  const variants = Array.isArray(converted.anyOf) ? converted.anyOf.filter(isObjectSchema) : isObjectSchema(converted) ? [converted] : [];
  if (variants.length === 0) throw new Error("toolInputSchema: the schema is not an object or a union of objects");

  const omitted = new Set(options.omit ?? []);
  const properties: Record<string, JsonSchema> = {};
  for (const variant of variants) {
    for (const [key, member] of Object.entries(variant.properties)) {
      if (omitted.has(key)) continue;
      const description = options.describe?.[key];
      properties[key] = description === undefined ? member : { ...member, description };
    }
  }
  const result: ObjectJsonSchema = { type: "object", properties, additionalProperties: false };
  const requiredSets = variants.map((variant) => requiredOf(variant).filter((key) => !omitted.has(key)));
  if (variants.length === 1) {
    if (requiredSets[0]?.length) result.required = requiredSets[0];
  } else {
    result.anyOf = requiredSets.map((required) => ({ required }));
  }
  return result;
}
