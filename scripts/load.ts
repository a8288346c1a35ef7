// `npm run load`: a bounded load against a server on this machine only: 50 connections for 30 s
// (`--connections`, `--duration` seconds) spread over three targets at once: pages (home, an entry,
// the catalogue, a code page, cycled per connection; half the connections), `/api/search` with a
// pasted 2 KB stack trace (30 %) and the mock IdP's token endpoint (20 %). The token requests are
// real exchanges by `logi_demo_web` (client_secret_basic) of a code that was never issued: the
// client authentication passes and the grant is judged, so the expected answer is
// `400 invalid_grant` (the mock IdP has no client_credentials grant, and a real code is single-use).
// Prints req/s, p50/p90/p99 latency, errors and other unexpected answers per target; exits 1 on any
// error (connection error, timeout or 5xx). `--url http://127.0.0.1:<port>` targets a running
// server (loopback only; start it with generous SEARCH_RATE_LIMIT / MOCK_IDP_RATE_LIMIT or expect
// 429s), otherwise the production build is started on a free loopback port and stopped after.
import { fire, formatStatuses, type LoadSummary, type LoadTarget } from "./bench/http-load";
import { judged, reported, type BenchRow } from "./bench/rows";
import { argValue, isMain, serverFor } from "./bench/server";
import { pastedStackTrace } from "./bench/stack-trace";
import { table } from "./bench/table";

const basic = `Basic ${Buffer.from("logi_demo_web:demo-web-secret").toString("base64")}`;

export const loadTargets: ReadonlyArray<LoadTarget & { share: number }> = [
  {
    name: "pages",
    share: 0.5,
    requests: ["/", "/troubleshooting/invalid-client", "/troubleshooting", "/codes/invalid_client"].map((pagePath) => ({
      method: "GET" as const,
      path: pagePath,
      headers: { accept: "text/html", "accept-encoding": "gzip" },
    })),
  },
  {
    name: "/api/search (2 KB paste)",
    share: 0.3,
    requests: [{ method: "POST", path: "/api/search", headers: { "content-type": "application/json" }, body: JSON.stringify({ q: pastedStackTrace }) }],
  },
  {
    name: "mock IdP token (invalid_grant)",
    share: 0.2,
    expect: [400],
    requests: [
      {
        method: "POST",
        path: "/mock-idp/oauth/token",
        headers: { "content-type": "application/x-www-form-urlencoded", authorization: basic },
        body: new URLSearchParams({
          grant_type: "authorization_code",
          code: "load-test-code-that-was-never-issued",
          redirect_uri: "http://localhost:3000/auth/callback",
          code_verifier: "load-test-verifier-load-test-verifier-load-test",
        }).toString(),
      },
    ],
  },
];

/** One request per target first, so a wrong setup (a 404, a 401 from the client registry) is named, not averaged. */
async function preflight(origin: string): Promise<void> {
  for (const target of loadTargets) {
    const request = target.requests[0];
    if (!request) continue;
    const response = await fetch(`${origin}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
    const expect = target.expect ?? [200];
    if (!expect.includes(response.status)) {
      throw new Error(`${target.name}: ${request.method} ${request.path} answered ${response.status}, expected ${expect.join("/")}: ${(await response.text()).slice(0, 200)}`);
    }
  }
}

export type LoadOptions = { connections: number; seconds: number };

/** Runs every target at once, the connections split by share (each at least 1). */
export async function runLoad(origin: string, options: LoadOptions): Promise<LoadSummary[]> {
  await preflight(origin);
  return Promise.all(
    loadTargets.map((target) => fire(origin, target, { connections: Math.max(1, Math.round(options.connections * target.share)), seconds: options.seconds })),
  );
}

export function printLoad(summaries: readonly LoadSummary[]): void {
  console.log(
    table(
      ["target", "conns", "requests", "req/s", "p50 ms", "p90 ms", "p99 ms", "errors", "timeouts", "unexpected", "statuses"],
      summaries.map((summary) => [
        summary.name,
        String(summary.connections),
        String(summary.total),
        summary.requestsPerSecond.toFixed(0),
        String(summary.p50),
        String(summary.p90),
        String(summary.p99),
        String(summary.errors),
        String(summary.timeouts),
        String(summary.unexpected),
        formatStatuses(summary.statuses),
      ]),
    ),
  );
}

/** The bench table's rows: p99 reported, errors (connection errors and timeouts, 5xx) held to zero. */
export function loadRows(summaries: readonly LoadSummary[], options: LoadOptions): BenchRow[] {
  return summaries.flatMap((summary) => [
    reported(
      `load ${summary.name}, ${summary.connections} of ${options.connections} conns ${options.seconds} s`,
      `${summary.requestsPerSecond.toFixed(0)} req/s, p99 ${summary.p99} ms${summary.unexpected > summary.status5xx ? `, unexpected ${formatStatuses(summary.statuses)}` : ""}`,
    ),
    judged(`load ${summary.name}, errors (${summary.timeouts} timeouts) + 5xx`, summary.errors, { max: 0 }, "", 0),
  ]);
}

export function parseLoadOptions(argv: readonly string[]): LoadOptions {
  const connections = Number(argValue("connections", argv) ?? "50");
  const seconds = Number(argValue("duration", argv) ?? "30");
  if (!Number.isInteger(connections) || connections < 1 || connections > 1000) throw new Error("--connections must be a whole number from 1 to 1000");
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 600) throw new Error("--duration must be seconds from 1 to 600");
  return { connections, seconds };
}

async function main(): Promise<number> {
  const options = parseLoadOptions(process.argv);
  const server = await serverFor(process.argv);
  try {
    console.log(`load: ${options.connections} connections for ${options.seconds} s against ${server.origin}`);
    const summaries = await runLoad(server.origin, options);
    printLoad(summaries);
    const failing = summaries.filter((summary) => summary.errors > 0);
    const throttled = summaries.filter((summary) => summary.statuses["429"]);
    if (throttled.length > 0) console.log(`note: 429 from ${throttled.map((summary) => summary.name).join(", ")}: the server's rate limits throttled this one address`);
    if (failing.length > 0) {
      console.error(`FAILED: errors, timeouts or 5xx on ${failing.map((summary) => summary.name).join(", ")}`);
      return 1;
    }
    console.log("ok: no connection errors, timeouts or 5xx");
    return 0;
  } finally {
    await server.stop();
  }
}

if (isMain(import.meta.url)) {
  try {
    process.exitCode = await main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  }
}
