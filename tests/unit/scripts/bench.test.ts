import { readFileSync } from "node:fs";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { countElements } from "@/scripts/bench/catalogue-page";
import { toVariant } from "@/scripts/bench/content";
import { judged, median, percentile, reported } from "@/scripts/bench/rows";
import { argValue, parseLoopbackOrigin } from "@/scripts/bench/server";
import { loadRows, parseLoadOptions } from "@/scripts/load";
import type { LoadSummary } from "@/scripts/bench/http-load";

describe("judged rows", () => {
  it("meets an upper bar at or under it and names the shortfall over it", () => {
    expect(judged("p95", 1.5, { max: 2 }, " ms")).toEqual({ metric: "p95", value: "1.50 ms", target: "≤ 2.00 ms", verdict: "met" });
    expect(judged("p95", 2, { max: 2 }, " ms").verdict).toBe("met");
    expect(judged("p95", 2.75, { max: 2 }, " ms").verdict).toBe("MISSED by 0.75 ms");
  });

  it("meets a lower bar at or over it", () => {
    expect(judged("score", 96, { min: 95 }, "", 0).verdict).toBe("met");
    expect(judged("score", 91, { min: 95 }, "", 0)).toMatchObject({ target: "≥ 95", verdict: "MISSED by 4" });
  });

  it("never meets a bar with a value that was not measured", () => {
    expect(judged("score", NaN, { min: 95 }, "", 0)).toMatchObject({ value: "—", verdict: "MISSED (not measured)" });
  });

  it("reports a measurement without a bar", () => {
    expect(reported("cold build", "17.3 s")).toEqual({ metric: "cold build", value: "17.3 s", target: "report", verdict: "—" });
  });
});

describe("percentile and median", () => {
  it("takes the nearest rank", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.95)).toBe(95);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([97, 92, 99])).toBe(97);
    expect(median([90, 100])).toBe(95);
    expect(median([])).toBeNaN();
  });
});

describe("loopback targets", () => {
  it("accepts 127.0.0.0/8, ::1 and localhost", () => {
    expect(parseLoopbackOrigin("http://127.0.0.1:3000/x")).toEqual({ ok: true, origin: "http://127.0.0.1:3000" });
    expect(parseLoopbackOrigin("http://127.1.2.3:8080").ok).toBe(true);
    expect(parseLoopbackOrigin("http://[::1]:3000").ok).toBe(true);
    expect(parseLoopbackOrigin("http://localhost:3000").ok).toBe(true);
  });

  it("refuses any other host, and what is not an http URL", () => {
    for (const target of ["http://10.0.0.1:3000", "https://example.com", "http://127.0.0.1.example.com", "http://0.0.0.0:3000", "ftp://127.0.0.1"]) {
      expect(parseLoopbackOrigin(target).ok, target).toBe(false);
    }
    expect(parseLoopbackOrigin("not a url")).toMatchObject({ ok: false, message: expect.stringContaining("not a URL") });
  });
});

describe("command-line options", () => {
  it("reads --name value and --name=value", () => {
    expect(argValue("duration", ["node", "x", "--duration", "5"])).toBe("5");
    expect(argValue("duration", ["node", "x", "--duration=7"])).toBe("7");
    expect(argValue("duration", ["node", "x", "--durations=7"])).toBeUndefined();
  });

  it("defaults the load to 50 connections for 30 s and refuses nonsense", () => {
    expect(parseLoadOptions(["node", "load"])).toEqual({ connections: 50, seconds: 30 });
    expect(parseLoadOptions(["node", "load", "--duration", "5", "--connections", "8"])).toEqual({ connections: 8, seconds: 5 });
    expect(() => parseLoadOptions(["node", "load", "--duration", "0"])).toThrow(/--duration/);
    expect(() => parseLoadOptions(["node", "load", "--connections", "2.5"])).toThrow(/--connections/);
  });
});

describe("load rows", () => {
  const summary: LoadSummary = {
    name: "pages",
    connections: 25,
    seconds: 30,
    total: 3000,
    requestsPerSecond: 100,
    p50: 80,
    p90: 150,
    p99: 400,
    errors: 0,
    timeouts: 0,
    status5xx: 0,
    unexpected: 0,
    statuses: { "200": 3000 },
  };

  it("holds errors (timeouts included) and 5xx to zero", () => {
    const options = { connections: 50, seconds: 30 };
    expect(loadRows([summary], options).map((row) => row.verdict)).toEqual(["—", "met"]);
    // 2 answers 503 and 1 timeout: errors counts both (autocannon counts a timeout as an error).
    const failing = loadRows([{ ...summary, errors: 3, status5xx: 2, timeouts: 1, unexpected: 2, statuses: { "200": 2997, "503": 2 } }], options);
    expect(failing[1]).toMatchObject({ metric: "load pages, errors (1 timeouts) + 5xx", verdict: "MISSED by 3" });
  });

  it("names statuses that were not expected, like a rate limit's 429", () => {
    const rows = loadRows([{ ...summary, unexpected: 10, statuses: { "200": 2990, "429": 10 } }], { connections: 50, seconds: 30 });
    expect(rows[0]?.value).toContain("429×10");
    expect(rows[1]?.verdict).toBe("met");
  });
});

describe("element count of served HTML", () => {
  it("counts start tags, not script or style bodies, comments or end tags", () => {
    const html = `<!DOCTYPE html><html><head><style>a<b{}</style><script>self.__next_f.push("<div><p>")</script></head><body><!-- <span> --><main><p>a &lt;b&gt;</p><br/><input disabled></main></body></html>`;
    // html, head, style, script, body, main, p, br, input
    expect(countElements(html)).toBe(9);
  });
});

describe("synthetic content variants", () => {
  const source = readFileSync("content/entries/oauth-flow/invalid-client.mdx", "utf8");
  const variant = toVariant(source, 140);
  const original = matter(source).data;
  const changed = matter(variant).data;

  it("gets its own title and messages and drops the aliases, keeping the rest of the frontmatter", () => {
    expect(changed.title).toBe(`${original.title} (variant 140)`);
    expect(changed.aliases).toEqual([]);
    expect(changed.messages.length).toBe(original.messages.length);
    for (const message of changed.messages) expect(message.text).toMatch(/ \[variant 140\]$/);
    expect(changed.codes).toEqual(original.codes);
    expect(changed.related).toEqual(original.related);
  });

  it("adds a sentence of its own to the Symptom section", () => {
    expect(variant).toContain("## Symptom\n\nThis variant (number 140) is generated for the content benchmark.\n\n");
    expect(toVariant(source, 141)).not.toBe(variant);
  });
});
