// `npm run bench`: every benchmark in one run and one table (metric, measured, target, verdict).
// Builds once when no build exists (`--build` forces it; NEXT_DIST_DIR is honoured), runs the
// offline benchmarks, then starts `next start` once on a free loopback port (`BENCH_PORT` picks
// one) for every server-side benchmark and stops it by its pid at the end, on error or Ctrl-C.
// Like each benchmark alone, it prints and does not assert: the exit code is 0 when targets are
// missed (the verdict column says so) and 1 only when a benchmark could not run.
//
// Options: --quick (fewer repetitions, 1 Lighthouse run, 10 s of load, no 1,000-entry content
// build), --only a,b / --skip a,b (names below), --url http://127.0.0.1:<port> (measure a running
// server instead of starting one; loopback only), --build.
import { measureCataloguePage } from "./catalogue-page";
import { measureContentBuild } from "./content";
import { measureFirstLoad } from "./first-load";
import { measureIndexSize, measureServedIndex } from "./index-size";
import { measureLighthouse } from "./lighthouse";
import { measurePrefetch } from "./prefetch";
import { failed, printRows, type BenchRow } from "./rows";
import { runSearchBench } from "./search";
import { argValue, ensureBuild, serverFor, type BenchServer } from "./server";
import { measureThroughput } from "./throughput";
import { loadRows, printLoad, runLoad } from "../load";

type Bench = { name: string; needs: "nothing" | "build" | "server"; run: (origin: string) => Promise<BenchRow[]> };

const quick = process.argv.includes("--quick");
const loadOptions = { connections: 50, seconds: quick ? 10 : 30 };

const benches: Bench[] = [
  // fuse.js and MiniSearch are for comparison only; at 10k they take minutes per pass, so the
  // aggregated run skips fuse.js there and passes MiniSearch over the queries once.
  { name: "search", needs: "nothing", run: () => runSearchBench({ quick, fuseAt10k: false, miniSearchRepsAt10k: 1 }) },
  { name: "index-size", needs: "nothing", run: () => measureIndexSize() },
  { name: "content", needs: "nothing", run: () => (quick ? measureContentBuild({ synthetic: false }) : measureContentBuild()) },
  { name: "first-load", needs: "build", run: () => measureFirstLoad() },
  { name: "served-index", needs: "server", run: (origin) => measureServedIndex(origin) },
  { name: "catalogue", needs: "server", run: (origin) => measureCataloguePage(origin) },
  { name: "prefetch", needs: "server", run: (origin) => measurePrefetch(origin) },
  { name: "lighthouse", needs: "server", run: (origin) => measureLighthouse(origin, quick ? 1 : 3) },
  { name: "throughput", needs: "server", run: (origin) => measureThroughput(origin, { connections: 10, seconds: quick ? 5 : 10 }) },
  {
    name: "load",
    needs: "server",
    run: async (origin) => {
      const summaries = await runLoad(origin, loadOptions);
      printLoad(summaries);
      return loadRows(summaries, loadOptions);
    },
  },
];

function selected(): Bench[] {
  const list = (name: string) => argValue(name)?.split(",").map((item) => item.trim()).filter(Boolean);
  const only = list("only");
  const skip = list("skip") ?? [];
  const unknown = [...(only ?? []), ...skip].filter((name) => !benches.some((bench) => bench.name === name));
  if (unknown.length > 0) throw new Error(`unknown benchmark(s) ${unknown.join(", ")}: choose from ${benches.map((bench) => bench.name).join(", ")}`);
  return benches.filter((bench) => (only ? only.includes(bench.name) : true) && !skip.includes(bench.name));
}

async function main(): Promise<number> {
  const chosen = selected();
  const started = performance.now();
  const rows: BenchRow[] = [];
  let couldNotRun = 0;
  let server: BenchServer | undefined;
  const external = argValue("url") !== undefined;
  try {
    if (!external && chosen.some((bench) => bench.needs !== "nothing")) ensureBuild(process.argv.includes("--build"));
    for (const bench of chosen) {
      console.log(`\n== ${bench.name} ==`);
      const benchStarted = performance.now();
      try {
        // Built above already: the server must not build a second time for --build.
        if (bench.needs === "server") server ??= await serverFor(process.argv.filter((arg) => arg !== "--build"));
        rows.push(...(await bench.run(server?.origin ?? "")));
      } catch (error) {
        couldNotRun++;
        const message = error instanceof Error ? error.message.split("\n")[0] ?? error.message : String(error);
        console.error(`${bench.name}: ${message}`);
        rows.push(failed(bench.name, message));
      }
      console.log(`(${bench.name}: ${((performance.now() - benchStarted) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await server?.stop();
  }
  const minutes = (performance.now() - started) / 60_000;
  printRows(`all benchmarks (${minutes.toFixed(1)} min${quick ? ", --quick" : ""}; 1 KB = 1,000 bytes)`, rows);
  const missed = rows.filter((row) => row.verdict.startsWith("MISSED")).length;
  console.log(`\n${rows.filter((row) => row.verdict === "met").length} met, ${missed} missed, ${couldNotRun} benchmark(s) could not run`);
  return couldNotRun > 0 ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
