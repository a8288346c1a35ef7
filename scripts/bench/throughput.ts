// `npm run bench:throughput`: requests per second of `/api/search` answering a pasted 2 KB stack
// trace (POST JSON) against a trivial route in the same run: `/robots.txt`, prerendered at build
// time, so it measures what `next start` costs per request with no work of ours. Each runs alone
// after a short warm-up, with the same connections and duration (`--connections`, `--duration`).
// Bars: search ≥ 0.6× the trivial route's req/s, and no errors or non-2xx answers on either.
import { fire, formatStatuses, type LoadSummary, type LoadTarget } from "./http-load";
import { judged, printRows, reported, type BenchRow } from "./rows";
import { argValue, isMain, serverFor } from "./server";
import { pastedStackTrace } from "./stack-trace";

const trivial: LoadTarget = { name: "/robots.txt (static)", requests: [{ method: "GET", path: "/robots.txt" }] };
const search: LoadTarget = {
  name: "/api/search POST (2 KB paste)",
  requests: [{ method: "POST", path: "/api/search", headers: { "content-type": "application/json" }, body: JSON.stringify({ q: pastedStackTrace }) }],
};

export type ThroughputOptions = { connections: number; seconds: number };

function describe(summary: LoadSummary): string {
  return `${summary.requestsPerSecond.toFixed(0)} req/s, p99 ${summary.p99} ms (${formatStatuses(summary.statuses) || "no answers"}${summary.errors > 0 ? `, ${summary.errors} errors of which ${summary.timeouts} timeouts` : ""})`;
}

export async function measureThroughput(origin: string, options: ThroughputOptions = { connections: 10, seconds: 10 }): Promise<BenchRow[]> {
  const results: LoadSummary[] = [];
  for (const target of [trivial, search]) {
    await fire(origin, target, { connections: options.connections, seconds: 2 }); // warm-up: JIT, the index load
    results.push(await fire(origin, target, options));
  }
  const [base, searched] = results;
  if (!base || !searched) throw new Error("throughput: a run returned nothing");
  // Errors (timeouts included) and every answer that was not a 200 (a 5xx counts once, as unexpected).
  const bad = (summary: LoadSummary) => summary.errors - summary.status5xx + summary.unexpected;
  return [
    reported(`throughput ${base.name}, ${options.connections} conns ${options.seconds} s`, describe(base)),
    reported(`throughput ${searched.name}, ${options.connections} conns ${options.seconds} s`, describe(searched)),
    judged("throughput ratio, search / trivial route", searched.requestsPerSecond / base.requestsPerSecond, { min: 0.6 }, "×", 2),
    judged("throughput errors + non-2xx, both routes", bad(base) + bad(searched), { max: 0 }, "", 0),
  ];
}

export function parseThroughputOptions(argv: readonly string[]): ThroughputOptions {
  const connections = Number(argValue("connections", argv) ?? "10");
  const seconds = Number(argValue("duration", argv) ?? "10");
  if (!Number.isInteger(connections) || connections < 1 || connections > 1000) throw new Error("--connections must be a whole number from 1 to 1000");
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 600) throw new Error("--duration must be seconds from 1 to 600");
  return { connections, seconds };
}

if (isMain(import.meta.url)) {
  const options = parseThroughputOptions(process.argv);
  const server = await serverFor();
  try {
    printRows("throughput: /api/search on a 2 KB paste against a trivial route", await measureThroughput(server.origin, options));
  } finally {
    await server.stop();
  }
}
