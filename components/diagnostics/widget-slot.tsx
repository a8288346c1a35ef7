// Renders one diagnostic widget by its content id, on its tool page or embedded in an entry.
// A tool that is announced but not built yet, or an id nobody knows, becomes a line pointing at
// /tools rather than nothing (or a crash).
import { Link } from "@/components/ui/link";
import { findDiagnosticTool, type DiagnosticToolInfo } from "@/lib/diagnostics/tools";
import { toolUrl } from "@/lib/urls";
import { LazyWidget } from "./lazy-widget";

type WidgetSlotProps = {
  id: string;
  /** `page`: the tool's own page, input kept in the URL. `embedded`: inside an entry, under a heading. */
  variant: "page" | "embedded";
};

function NotBuilt({ tool }: { tool: DiagnosticToolInfo }) {
  return (
    <p className="text-sm text-zinc-700 dark:text-zinc-300">
      <span className="font-medium">{tool.title}</span>: coming soon. <Link href={toolUrl()} className="text-link">See the tools you can use now</Link>.
    </p>
  );
}

export function WidgetSlot({ id, variant }: WidgetSlotProps) {
  const tool = findDiagnosticTool(id);
  if (!tool) {
    return (
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        There is no diagnostic tool called <code className="font-mono">{id}</code>. <Link href={toolUrl()} className="text-link">See the diagnostic tools</Link>.
      </p>
    );
  }
  if (!tool.available) return <NotBuilt tool={tool} />;

  const widget = <LazyWidget id={tool.id} syncUrl={variant === "page"} />;
  if (variant === "page") return widget;

  const headingId = `widget-${tool.id}`;
  return (
    <section aria-labelledby={headingId} data-widget={tool.id} className="mt-4">
      <h3 id={headingId} className="text-lg font-semibold">
        {tool.title}
      </h3>
      <p className="mt-1 mb-3 text-sm text-zinc-700 dark:text-zinc-300">
        {tool.summary} <Link href={toolUrl(tool.id)} className="text-link">Open it on its own page</Link>.
      </p>
      {widget}
    </section>
  );
}
