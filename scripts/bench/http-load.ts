// One autocannon run against one target, summarised: requests per second, latency percentiles,
// and every answer that was not the expected one, split into errors (connection errors, timeouts,
// 5xx: the server failed) and other unexpected statuses (e.g. a 429 from a rate limit).
import autocannon from "autocannon";

export type LoadTarget = {
  name: string;
  /** One request, or a sequence each connection cycles through (a mix of pages). */
  requests: Array<{ method: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string }>;
  /** Statuses that count as a correct answer (default: 200). */
  expect?: number[];
};

export type LoadSummary = {
  name: string;
  connections: number;
  seconds: number;
  total: number;
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  /** Connection errors (timeouts included) + 5xx answers. */
  errors: number;
  /** Requests without an answer within 10 s (counted in `errors` too). */
  timeouts: number;
  status5xx: number;
  /** Answers with a status outside `expect` (5xx included). */
  unexpected: number;
  statuses: Record<string, number>;
};

export async function fire(origin: string, target: LoadTarget, options: { connections: number; seconds: number }): Promise<LoadSummary> {
  const expect = new Set(target.expect ?? [200]);
  const first = target.requests[0];
  if (!first) throw new Error(`load target ${target.name} has no requests`);
  const result = await autocannon({
    url: origin,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    requests: target.requests.map((request) => ({ method: request.method, path: request.path, headers: request.headers, body: request.body })),
  });
  const statuses: Record<string, number> = {};
  // Requests that never got an answer show up under a key that is no status; they are in `errors`.
  for (const [status, stat] of Object.entries(result.statusCodeStats ?? {})) if (/^\d{3}$/.test(status)) statuses[status] = stat.count;
  const unexpected = Object.entries(statuses).reduce((sum, [status, count]) => sum + (expect.has(Number(status)) ? 0 : count), 0);
  return {
    name: target.name,
    connections: options.connections,
    seconds: result.duration,
    total: result.requests.total,
    requestsPerSecond: result.requests.total / Math.max(result.duration, 0.001),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    errors: result.errors + result["5xx"],
    timeouts: result.timeouts,
    status5xx: result["5xx"],
    unexpected,
    statuses,
  };
}

export function formatStatuses(statuses: Record<string, number>): string {
  return Object.entries(statuses)
    .map(([status, count]) => `${status}×${count}`)
    .join(" ");
}
