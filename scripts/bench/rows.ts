// One result line of a benchmark: what was measured, the value, the bar it is held to and whether
// it met it. Every benchmark returns these, so `npm run bench` can print them all in one table.
import { table } from "./table";

export type BenchRow = { metric: string; value: string; target: string; verdict: string };

type Bar = { max: number } | { min: number } | { equals: number };

function formatNumber(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "—";
}

/**
 * A row judged against a bar: `met`, or `MISSED by <difference><unit>`. A value that could not be
 * measured (NaN) is never met.
 */
export function judged(metric: string, value: number, bar: Bar, unit = "", digits = 2): BenchRow {
  const shown = `${formatNumber(value, digits)}${unit}`;
  let target: string;
  let shortBy: number;
  if ("max" in bar) {
    target = `≤ ${formatNumber(bar.max, digits)}${unit}`;
    shortBy = value - bar.max;
  } else if ("min" in bar) {
    target = `≥ ${formatNumber(bar.min, digits)}${unit}`;
    shortBy = bar.min - value;
  } else {
    target = `= ${formatNumber(bar.equals, digits)}${unit}`;
    shortBy = Math.abs(value - bar.equals);
  }
  const verdict = !Number.isFinite(value) ? "MISSED (not measured)" : shortBy <= 0 ? "met" : `MISSED by ${formatNumber(shortBy, digits)}${unit}`;
  return { metric, value: shown, target, verdict };
}

/** A measurement without a bar (the design asks only that it is known). */
export function reported(metric: string, value: string): BenchRow {
  return { metric, value, target: "report", verdict: "—" };
}

/** A benchmark that could not run: its rows say why instead of disappearing from the table. */
export function failed(metric: string, reason: string): BenchRow {
  return { metric, value: "—", target: "—", verdict: `NOT RUN: ${reason}` };
}

export function printRows(title: string, rows: readonly BenchRow[]): void {
  console.log(`\n${title}`);
  console.log(table(["metric", "measured", "target", "verdict"], rows.map((row) => [row.metric, row.value, row.target, row.verdict])));
}

export function kb(bytes: number): number {
  return bytes / 1000;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}
