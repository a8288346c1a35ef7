// Reads a request body without ever holding more than a limit, whether or not the client sent a
// Content-Length (a chunked body is counted as it arrives and cut off at the limit). Browser-safe.

export type CappedTextResult =
  | { ok: true; text: string }
  | { ok: false; reason: "too_large"; limit: number; message: string }
  | { ok: false; reason: "not_utf8" | "unreadable"; message: string };

type BodySource = { headers: Headers; body: ReadableStream<Uint8Array> | null };

function tooLarge(limit: number): CappedTextResult {
  return { ok: false, reason: "too_large", limit, message: `The request body is larger than ${formatBytes(limit)}; send less.` };
}

/** 65536 → "64 KiB", 16384 → "16 KiB", 1000 → "1000 bytes". */
export function formatBytes(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}

/**
 * The body as UTF-8 text, or a refusal: `too_large` as soon as the declared length or the bytes
 * received pass `limit` (the rest is never read), `not_utf8` when the bytes do not decode,
 * `unreadable` when the stream broke off.
 */
export async function readCappedText(request: BodySource, limit: number): Promise<CappedTextResult> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > limit) return tooLarge(limit);
  if (request.body === null) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return tooLarge(limit);
      }
      chunks.push(value);
    }
  } catch {
    // The client went away mid-body, or the stream broke: nothing usable was sent.
    return { ok: false, reason: "unreadable", message: "The request body could not be read completely; send it again." };
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: "not_utf8", message: "The request body is not valid UTF-8." };
  }
}
