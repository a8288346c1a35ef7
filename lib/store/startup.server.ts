// The startup check for shared state: a malformed REDIS_URL stops the server with a message
// naming the problem; a well-formed one is connected to at once, and says whether Redis answers
// (an unreachable Redis does not stop the server: requests that need it answer 503 until it is up).
import { parseRedisUrl } from "./redis-url";
import { getSharedRedis } from "./redis.server";

export async function checkSharedStateAtStartup(): Promise<void> {
  const setting = parseRedisUrl(process.env.REDIS_URL);
  if (!setting.ok) {
    console.error(`[startup] ${setting.message}. Fix REDIS_URL, or unset it to keep state in memory (one instance only).`);
    process.exit(1);
  }
  if (setting.url === null) return;
  const redis = getSharedRedis();
  try {
    await redis?.run((client) => client.ping());
    console.log(`[redis] shared state (replay guard, device approvals, rate limits) in Redis at ${setting.address}`);
  } catch {
    // Already logged by the client, once per outage.
  }
}
