import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAccept, prefersMarkdown } from "@/lib/accept";

describe("prefersMarkdown", () => {
  it.each([
    ["text/markdown", true],
    ["text/markdown, text/html, */*", true],
    ["text/markdown;q=1, text/html;q=0.9", true],
    ["text/html;q=0.5, text/markdown;q=0.6", true],
    ["TEXT/Markdown; charset=utf-8", true],
    ["text/markdown;Q=0.2", true],
    ["text/markdown; variant=CommonMark; q=0.8, text/html; q=0.7", true],
  ])("serves Markdown for %j", (accept, expected) => {
    expect(prefersMarkdown(accept)).toBe(expected);
  });

  it.each([
    // What browsers send.
    ["text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8", false],
    ["*/*", false],
    ["text/*", false],
    ["text/html,text/markdown;q=0.5", false],
    ["text/markdown;q=0", false],
    ["text/markdown;q=0.000", false],
    ["text/plain", false],
    ["", false],
    [null, false],
    [undefined, false],
  ])("serves HTML for %j", (accept, expected) => {
    expect(prefersMarkdown(accept)).toBe(expected);
  });

  it("skips malformed ranges instead of throwing", () => {
    expect(prefersMarkdown("text/markdown;q=abc")).toBe(false);
    expect(prefersMarkdown("text/markdown;q=1.5")).toBe(false);
    expect(prefersMarkdown("text/markdown;q=0.12345")).toBe(false);
    expect(prefersMarkdown("text/markdown;q=-1, text/html")).toBe(false);
    expect(prefersMarkdown("text/html;q=bogus, text/markdown;q=0.1")).toBe(true);
    expect(prefersMarkdown("text//markdown, ,;;, text/markdown/x")).toBe(false);
    expect(prefersMarkdown(",,,text/markdown,,,")).toBe(true);
  });

  it("keeps the highest weight of a type listed twice", () => {
    expect(prefersMarkdown("text/markdown;q=0.1, text/html;q=0.5, text/markdown;q=0.9")).toBe(true);
  });
});

describe("parseAccept", () => {
  it("reads type, subtype and weight in order", () => {
    expect(parseAccept("text/html, text/markdown;q=0.5 , */*;q=0.1")).toEqual([
      { type: "text", subtype: "html", q: 1 },
      { type: "text", subtype: "markdown", q: 0.5 },
      { type: "*", subtype: "*", q: 0.1 },
    ]);
  });
});

// Weights as a client would write them: "0", "1", or up to three decimals.
const qText = fc.integer({ min: 0, max: 1000 }).map((thousandths) => (thousandths === 1000 ? "1" : (thousandths / 1000).toString()));
const otherRange = fc.constantFrom("application/json", "application/xhtml+xml", "image/webp", "text/plain", "application/xml");
const wildcard = fc.constantFrom("*/*", "text/*");
const range = (type: string) => qText.map((q) => ({ text: `${type};q=${q}`, q: Number(q) }));

describe("prefersMarkdown (properties)", () => {
  it("never throws, whatever the header", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (header) => {
        expect(typeof prefersMarkdown(header)).toBe("boolean");
      }),
    );
  });

  it("compares the weights of text/markdown and text/html, whatever else is listed and in any order", () => {
    fc.assert(
      fc.property(
        fc.option(range("text/markdown"), { nil: undefined }),
        fc.option(range("text/html"), { nil: undefined }),
        fc.array(fc.oneof(otherRange, wildcard.chain((type) => qText.map((q) => `${type};q=${q}`))), { maxLength: 5 }),
        fc.infiniteStream(fc.integer()),
        (markdown, html, others, order) => {
          const parts = [markdown?.text, html?.text, ...others].filter((part): part is string => part !== undefined);
          const shuffled = parts.map((part) => ({ part, key: order.next().value })).sort((a, b) => a.key - b.key).map(({ part }) => part);
          const expected = (markdown?.q ?? 0) > 0 && (markdown?.q ?? 0) >= (html?.q ?? 0);
          expect(prefersMarkdown(shuffled.join(", "))).toBe(expected);
        },
      ),
    );
  });

  it("is not changed by adding a wildcard", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(range("text/markdown").map((r) => r.text), range("text/html").map((r) => r.text), otherRange), { maxLength: 4 }), wildcard, qText, (parts, extra, q) => {
        const header = parts.join(", ");
        expect(prefersMarkdown(`${header}, ${extra};q=${q}`)).toBe(prefersMarkdown(header));
      }),
    );
  });
});
