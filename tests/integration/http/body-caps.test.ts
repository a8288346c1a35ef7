// The POST routes cut a chunked body (no Content-Length) off at their cap and answer 413 JSON
// without reading the rest: the stream below would go on for 10 MB, and the test fails if more
// than the cap plus one chunk is pulled from it.
import { describe, expect, it, vi } from "vitest";
import { POST as searchPost } from "@/app/api/search/route";
import { POST as errorLookupPost } from "@/app/api/diagnostics/error-lookup/route";
import { POST as mockIdpPost } from "@/app/mock-idp/[...path]/route";

vi.mock("server-only", () => ({}));

const chunk = 16 * 1024;

function endlessChunkedPost(path: string, type: string): { request: Request; pulled: () => number } {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= 10 * 1024 * 1024) return controller.close();
        pulled += chunk;
        controller.enqueue(new Uint8Array(chunk).fill(0x20));
      },
    },
    { highWaterMark: 0 },
  );
  const init: RequestInit & { duplex: "half" } = { method: "POST", body, duplex: "half", headers: { "content-type": type, "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 200)}` } };
  return { request: new Request(`http://127.0.0.1:3999${path}`, init), pulled: () => pulled };
}

describe("chunked bodies over the cap", () => {
  it.each([
    ["/api/search", "application/json", searchPost, 64 * 1024],
    ["/api/diagnostics/error-lookup", "application/json", errorLookupPost, 64 * 1024],
  ])("POST %s answers 413 after reading at most the cap", async (path, type, handler, cap) => {
    const { request, pulled } = endlessChunkedPost(path, type);
    const response = await handler(request);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: "body_too_large", message: expect.stringContaining("64 KiB") });
    expect(pulled()).toBeLessThanOrEqual(cap + chunk);
  });

  it("the mock IdP's token endpoint answers 413 after its 16 KiB", async () => {
    const { request, pulled } = endlessChunkedPost("/mock-idp/oauth/token", "application/x-www-form-urlencoded");
    const response = await mockIdpPost(request);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: "invalid_request" });
    expect(pulled()).toBeLessThanOrEqual(16 * 1024 + chunk);
  });
});
