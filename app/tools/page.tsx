import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { diagnosticTools } from "@/lib/diagnostics/tools";
import { buildPageMetadata } from "@/lib/page-metadata";
import { toolUrl } from "@/lib/urls";

export const metadata: Metadata = buildPageMetadata({
  title: "Diagnostic tools",
  description: "Live checks for OAuth 2.0 and OpenID Connect relying parties: discovery documents, JWKS keys and more, against your issuer or the bundled mock IdP.",
  path: toolUrl(),
});

export default function ToolsPage() {
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Diagnostic tools</h1>
      <p className="mt-3 max-w-3xl text-zinc-700 dark:text-zinc-300">
        Live checks against an issuer: yours, or the mock IdP bundled with this site and its fault
        scenarios. Every finding links to the entry that explains it, and every result has a URL you
        can share.
      </p>
      <ul className="mt-6 space-y-3">
        {diagnosticTools.map((tool) => (
          <li key={tool.id} data-tool={tool.id}>
            <Link href={toolUrl(tool.id)} className="block rounded-lg border border-zinc-200 p-4 hover:border-blue-500 dark:border-zinc-800 dark:hover:border-blue-400">
              <span className="font-medium">{tool.title}</span>
              {!tool.available && (
                <span className="ml-2 rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200">coming soon</span>
              )}
              <span className="mt-1 block text-sm text-zinc-600 dark:text-zinc-400">{tool.summary}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
