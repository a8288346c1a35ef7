import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { WidgetSlot } from "@/components/diagnostics/widget-slot";
import { getCatalogue } from "@/lib/content/catalogue.server";
import { diagnosticTools, findDiagnosticTool } from "@/lib/diagnostics/tools";
import { buildPageMetadata } from "@/lib/page-metadata";
import { entryUrl, toolUrl } from "@/lib/urls";

// Every tool has a page (one not built yet says so); any other id is a 404.
export const dynamicParams = false;

export function generateStaticParams(): Array<{ tool: string }> {
  return diagnosticTools.map((tool) => ({ tool: tool.id }));
}

export async function generateMetadata({ params }: PageProps<"/tools/[tool]">): Promise<Metadata> {
  const tool = findDiagnosticTool((await params).tool);
  if (!tool) return {};
  return buildPageMetadata({ title: tool.title, description: tool.summary, path: toolUrl(tool.id) });
}

export default async function ToolPage({ params }: PageProps<"/tools/[tool]">) {
  const tool = findDiagnosticTool((await params).tool);
  if (!tool) notFound();
  const { entries } = await getCatalogue();
  const explaining = entries.filter((entry) => entry.widgets.includes(tool.id));

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        <Link href={toolUrl()} className="hover:underline">Tools</Link>
      </nav>
      <h1 className="text-3xl font-bold tracking-tight">{tool.title}</h1>
      <p className="mt-3 mb-6 max-w-3xl text-zinc-700 dark:text-zinc-300">{tool.summary}</p>
      <WidgetSlot id={tool.id} variant="page" />
      {explaining.length > 0 && (
        <section aria-labelledby="entries-title" className="mt-10">
          <h2 id="entries-title" className="text-xl font-semibold">Entries this tool helps with</h2>
          <ul className="mt-3 space-y-2">
            {explaining.map((entry) => (
              <li key={entry.slug}>
                <Link href={entryUrl(entry.slug)} className="text-link">{entry.title}</Link>
                <span className="text-sm text-zinc-600 dark:text-zinc-400"> — {entry.summary}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
