// The live region under a tool's form: "Checking…", the reason a check could not run, or a
// one-line result. Screen readers announce it; the full result is rendered below it.
import type { ToolRunState } from "./use-tool-query";

type ToolStatusProps<R> = {
  state: ToolRunState<R>;
  /** One sentence about a finished result. */
  describe: (result: R) => string;
};

export function ToolStatus<R>({ state, describe }: ToolStatusProps<R>) {
  const text = state.status === "checking" ? "Checking…" : state.status === "error" ? state.message : state.status === "done" ? describe(state.result) : "";
  const tone = state.status === "error" ? "border-l-4 border-red-600 bg-red-50 px-3 py-2 text-red-900 dark:bg-red-950/50 dark:text-red-100" : "text-zinc-700 dark:text-zinc-300";
  return (
    <p role="status" aria-live="polite" data-testid="tool-status" className={`mt-4 min-h-6 text-sm ${text ? tone : ""}`}>
      {text}
    </p>
  );
}
