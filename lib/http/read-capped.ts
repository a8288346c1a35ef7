// Reads a request body without ever holding more than a limit, whether or not the client sent a
// Content-Length (a chunked body is counted as it arrives and cut off at the limit). Browser-safe.

export type CappedTextResult =
  | { ok: true; text: string }
  | { ok: false; reason: "too_large"; limit: number; message: string }
  | { ok: false; reason: "not_utf8" | "unreadable"; message: string };

/** What a byte stream must offer: its default reader (DOM and Node web streams alike). */
type ByteReader = {
  read(): Promise<{ done: true; value?: undefined } | { done: false; value: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
};
type ByteStream = { getReader(): ByteReader } | ReadableStream<Uint8Array>;

type BodySource = { headers: Headers; body: ByteStream | null };

function tooLarge(limit: number): CappedTextResult {
  return { ok: false, reason: "too_large", limit, message: `The request body is larger than ${formatBytes(limit)}; send less.` };
}

/** 65536 → "64 KiB", 16384 → "16 KiB", 1000 → "1000 bytes". */
export function formatBytes(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}

/**
 * A stream's bytes, or how many had arrived when they passed `limit` (the stream is then
 * cancelled and the rest never read). A stream that breaks off throws, as its reader does.
 */
export async function readCappedBytes(body: ByteStream | null, limit: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; bytes: number }> {
  if (body === null) return { ok: true, bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, bytes: size };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/**
 * The body as UTF-8 text, or a refusal: `too_large` as soon as the declared length or the bytes
 * received pass `limit` (the rest is never read), `not_utf8` when the bytes do not decode,
 * `unreadable` when the stream broke off.
 */
export async function readCappedText(request: BodySource, limit: number): Promise<CappedTextResult> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > limit) return tooLarge(limit);
  let read: Awaited<ReturnType<typeof readCappedBytes>>;
  try {
    read = await readCappedBytes(request.body, limit);
  } catch {
    // The client went away mid-body, or the stream broke: nothing usable was sent.
    return { ok: false, reason: "unreadable", message: "The request body could not be read completely; send it again." };
  }
  if (!read.ok) return tooLarge(limit);
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(read.bytes) };
  } catch {
    return { ok: false, reason: "not_utf8", message: "The request body is not valid UTF-8." };
  }
}
