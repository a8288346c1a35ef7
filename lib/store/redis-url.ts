// REDIS_URL, read once and checked: which Redis holds the shared state, if any. Pure, so the
// startup check and the tests read it the same way.

export type RedisUrlSetting =
  | { ok: true; url: string; /** host:port, for messages (never the password). */ address: string }
  | { ok: true; url: null }
  | { ok: false; message: string };

function redact(value: string): string {
  return value.trim().replace(/\/\/[^@/]*@/, "//***@").slice(0, 200);
}

/** Unset or blank: no shared store (each instance keeps its own state in memory). */
export function parseRedisUrl(value: string | undefined): RedisUrlSetting {
  if (value === undefined || value.trim() === "") return { ok: true, url: null };
  const example = "e.g. redis://127.0.0.1:6379/0 or rediss://:password@redis.example.com:6380";
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { ok: false, message: `REDIS_URL is not a URL (got "${redact(value)}"); ${example}` };
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") {
    return { ok: false, message: `REDIS_URL must start with redis:// or rediss:// (got "${redact(value)}"); ${example}` };
  }
  if (url.hostname === "") return { ok: false, message: `REDIS_URL names no host (got "${redact(value)}"); ${example}` };
  if (!/^(\/\d{0,2})?$/.test(url.pathname) || url.search !== "" || url.hash !== "") {
    return { ok: false, message: `REDIS_URL may only carry a database number as its path, like /0 (got "${redact(value)}"); ${example}` };
  }
  return { ok: true, url: url.href, address: `${url.hostname}:${url.port || "6379"}` };
}
