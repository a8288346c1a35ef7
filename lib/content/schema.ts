// The one definition of the content shapes (areas and entry frontmatter). Types are inferred
// from these schemas; nothing else in the project restates them.
import { z } from "zod";

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slugSchema = z
  .string()
  .regex(kebabCase, "must be kebab-case (lowercase letters, digits and single hyphens)");

export const widgetIds = [
  "discovery",
  "jwks",
  "error-lookup",
  "provider-precedence",
  "redirect-uri",
  "id-token",
] as const;

export const areaSchema = z.strictObject({
  id: slugSchema,
  title: z.string().min(1),
  summary: z.string().min(1),
  order: z.number().int(),
});

export const areasSchema = z.array(areaSchema).min(1);

/**
 * A verbatim error string, optionally with the library (and major version, then the file) that
 * prints it, and the id of the cause it means.
 */
const messageSchema = z.union([
  z.string().min(3),
  z.strictObject({
    text: z.string().min(3),
    source: z.string().min(1).optional(),
    cause: slugSchema.optional(),
  }),
]);

// YAML turns `2026-11-20` into a Date; accept both that and an ISO date string.
const dateSchema = z.union([z.date(), z.string()]).transform((value, ctx) => {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) {
    ctx.addIssue({ code: "custom", message: `"${text}" is not a date: write YYYY-MM-DD` });
    return z.NEVER;
  }
  return text;
});

export const frontmatterSchema = z.strictObject({
  title: z.string().min(3),
  slug: slugSchema.optional(),
  area: slugSchema,
  summary: z.string().min(10),
  codes: z.array(z.string().min(1)).default([]),
  http: z.array(z.number().int().min(100).max(599)).default([]),
  messages: z
    .array(messageSchema)
    .default([])
    .transform((items) =>
      items.map((item) => (typeof item === "string" ? { text: item } : item)),
    ),
  rank: z.number().int().min(1),
  aliases: z.array(slugSchema).default([]),
  related: z.array(slugSchema).default([]),
  tags: z.array(z.string().min(1)).default([]),
  updated: dateSchema,
  widgets: z.array(z.enum(widgetIds)).default([]),
  /**
   * The product or vendor this entry is about, as words a paste would name (`[keycloak]`). Search
   * ranks such an entry at full strength only when the input names one of them (a word, or words
   * in a row: `step 3`), carries a code only its vendor defines, or quotes a message the product
   * itself prints; otherwise the general entry for the same message wins.
   */
  specific_to: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9.-]*(?: [a-z0-9][a-z0-9.-]*)*$/, "write lower-case words separated by single spaces, e.g. keycloak or step 3"))
    .default([]),
});

export type Area = z.infer<typeof areaSchema>;
export type Frontmatter = z.infer<typeof frontmatterSchema>;
export type EntryMessage = Frontmatter["messages"][number];
export type WidgetId = (typeof widgetIds)[number];
