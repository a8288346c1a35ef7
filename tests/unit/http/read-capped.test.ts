import { describe, expect, it } from "vitest";
import { formatBytes, readCappedText } from "@/lib/http/read-capped";

/** A body that arrives in chunks, like a chunked upload without Content-Length; counts what was pulled. */
function chunkedBody(chunks: Uint8Array[], pulled: { count: number; cancelled: boolean }) {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk === undefined) return controller.close();
      pulled.count += 1;
      controller.enqueue(chunk);
    },
    cancel() {
      pulled.cancelled = true;
    },
  }, { highWaterMark: 0 });
}

const kib = (n: number) => new Uint8Array(n * 1024).fill(0x61);

describe("readCappedText", () => {
  it("reads a body under the limit as text", async () => {
    const result = await readCappedText(new Request("http://x/", { method: "POST", body: "q=invalid_client" }), 1024);
    expect(result).toEqual({ ok: true, text: "q=invalid_client" });
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const pulled = { count: 0, cancelled: false };
    const result = await readCappedText({ headers: new Headers({ "content-length": "999999" }), body: chunkedBody([kib(1)], pulled) }, 1024);
    expect(result).toMatchObject({ ok: false, reason: "too_large", limit: 1024 });
    expect(pulled.count).toBe(0);
  });

  it("stops a chunked body at the first chunk past the limit and cancels the rest", async () => {
    const pulled = { count: 0, cancelled: false };
    const chunks = Array.from({ length: 100 }, () => kib(16));
    const result = await readCappedText({ headers: new Headers(), body: chunkedBody(chunks, pulled) }, 64 * 1024);
    expect(result).toMatchObject({ ok: false, reason: "too_large", message: expect.stringContaining("64 KiB") });
    expect(pulled.count).toBeLessThanOrEqual(6);
    expect(pulled.cancelled).toBe(true);
  });

  it("accepts a chunked body exactly at the limit", async () => {
    const pulled = { count: 0, cancelled: false };
    const result = await readCappedText({ headers: new Headers(), body: chunkedBody([kib(1), kib(1)], pulled) }, 2048);
    expect(result.ok && result.text.length).toBe(2048);
  });

  it("joins a UTF-8 character split across chunks, and refuses bytes that are not UTF-8", async () => {
    const euro = new TextEncoder().encode("€");
    const split = await readCappedText({ headers: new Headers(), body: chunkedBody([euro.slice(0, 1), euro.slice(1)], { count: 0, cancelled: false }) }, 16);
    expect(split).toEqual({ ok: true, text: "€" });
    const bad = await readCappedText({ headers: new Headers(), body: chunkedBody([new Uint8Array([0xff, 0xfe])], { count: 0, cancelled: false }) }, 16);
    expect(bad).toMatchObject({ ok: false, reason: "not_utf8" });
  });

  it("reports a stream that breaks off as unreadable", async () => {
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error("socket hang up"));
      },
    });
    expect(await readCappedText({ headers: new Headers(), body }, 16)).toMatchObject({ ok: false, reason: "unreadable" });
  });

  it("treats a missing body as empty", async () => {
    expect(await readCappedText(new Request("http://x/"), 16)).toEqual({ ok: true, text: "" });
  });
});

describe("formatBytes", () => {
  it("says KiB for whole kibibytes and bytes otherwise", () => {
    expect(formatBytes(64 * 1024)).toBe("64 KiB");
    expect(formatBytes(1000)).toBe("1000 bytes");
  });
});
