// The Redis connection behind shared state (REDIS_URL): one client per process, configured to
// fail fast instead of hanging. Commands are not queued while disconnected (enableOfflineQueue:
// false), each has a deadline (commandTimeout), the first connect waits at most connectTimeout,
// and the client keeps reconnecting in the background. Every failure to answer becomes a
// SharedStoreUnavailableError (503 for the caller), logged once per outage.
import { Redis, ReplyError } from "ioredis";
import { parseRedisUrl } from "./redis-url";
import { SharedStoreUnavailableError } from "./unavailable";

/** Every key this app writes starts with this, so one Redis can be shared with other apps. */
export const redisKeyPrefix = "fixbook:";

export type SharedRedis = {
  /** host:port, for messages. */
  address: string;
  client: Redis;
  /**
   * Runs `operation` against the client. Connection problems and timeouts become
   * SharedStoreUnavailableError; Redis's own error replies (a bug in a script) and non-Error
   * rejections (a rate limiter's refusal) pass through unchanged.
   */
  run<T>(operation: (client: Redis) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export type SharedRedisOptions = {
  connectTimeoutMs?: number;
  commandTimeoutMs?: number;
  log?: (line: string) => void;
};

export function createSharedRedis(url: string, address: string, options: SharedRedisOptions = {}): SharedRedis {
  const connectTimeoutMs = options.connectTimeoutMs ?? 2000;
  const log = options.log ?? ((line: string) => console.error(line));
  const client = new Redis(url, {
    connectTimeout: connectTimeoutMs,
    commandTimeout: options.commandTimeoutMs ?? 1000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    // Reconnect forever, at most every 2 s, so the store comes back on its own after an outage.
    retryStrategy: (times) => Math.min(100 * times, 2000),
  });
  let lastError: string | undefined;
  let reported = false;

  function report(detail: string): void {
    lastError = detail;
    if (reported) return;
    reported = true;
    log(`[redis] Redis at ${address} is unreachable: ${detail}. Requests that need shared state answer 503 until it is back.`);
  }
  function recovered(): void {
    lastError = undefined;
    if (!reported) return;
    reported = false;
    log(`[redis] Redis at ${address} is reachable again.`);
  }
  // Without a listener, ioredis would raise connection errors as unhandled 'error' events.
  client.on("error", (error: Error) => report(error.message));
  client.on("ready", recovered);

  /** Waits for the first connection (bounded); once an outage is known, fails at once. */
  async function whenReady(): Promise<void> {
    if (client.status === "ready") return;
    if (lastError !== undefined || client.status === "end" || client.status === "close") {
      throw SharedStoreUnavailableError.unreachable(address, lastError ?? `connection ${client.status}`);
    }
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => settle(SharedStoreUnavailableError.unreachable(address, lastError ?? `no connection within ${connectTimeoutMs} ms`)), connectTimeoutMs);
      function settle(failure?: Error): void {
        clearTimeout(timer);
        client.off("ready", onReady);
        client.off("error", onError);
        if (failure) reject(failure);
        else resolve();
      }
      function onReady(): void {
        settle();
      }
      function onError(error: Error): void {
        settle(SharedStoreUnavailableError.unreachable(address, error.message));
      }
      client.once("ready", onReady);
      client.once("error", onError);
    });
  }

  return {
    address,
    client,
    async run(operation) {
      await whenReady();
      try {
        const result = await operation(client);
        if (reported && client.status === "ready") recovered();
        return result;
      } catch (error) {
        if (!(error instanceof Error) || error instanceof ReplyError) throw error;
        report(error.message);
        throw SharedStoreUnavailableError.unreachable(address, error.message);
      }
    },
    async close() {
      client.disconnect();
    },
  };
}

const sharedKey = Symbol.for("oidc-rp-troubleshooting.store.redis");

/**
 * This process's Redis connection when REDIS_URL is set, else null. Route bundles may hold
 * separate copies of this module, so the client sits on globalThis. A malformed REDIS_URL
 * throws SharedStoreUnavailableError naming the problem (the startup check in
 * instrumentation.ts refuses to start with one).
 */
export function getSharedRedis(): SharedRedis | null {
  const setting = parseRedisUrl(process.env.REDIS_URL);
  if (!setting.ok) throw new SharedStoreUnavailableError(`Shared state is unavailable: ${setting.message}`);
  if (setting.url === null) return null;
  const holder: Record<symbol, SharedRedis | undefined> = globalThis;
  holder[sharedKey] ??= createSharedRedis(setting.url, setting.address);
  return holder[sharedKey];
}
