// The caps every server-side diagnostic fetch obeys (the guarded fetch and the in-process route).
export const defaultFetchLimits = {
  /** Largest body read, in bytes. */
  maxBytes: 512 * 1024,
  /** Whole request, redirects and body included. */
  timeoutMs: 10_000,
  maxRedirects: 3,
} as const;
