import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { ThemeToggle } from "./theme-toggle";
import { catalogueUrl, codesUrl, librariesUrl, toolUrl } from "@/lib/urls";

export function SiteHeader({ search }: { search?: ReactNode }) {
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      {/* On a phone the nav moves to a second row so nothing scrolls sideways. */}
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3">
        <Link href="/" className="font-semibold tracking-tight whitespace-nowrap">
          OIDC Fix<span className="text-blue-600 dark:text-blue-400">Book</span>
        </Link>
        <nav aria-label="Main" className="order-last flex w-full items-center gap-4 text-sm sm:order-none sm:w-auto sm:gap-3">
          <Link href={catalogueUrl()} className="hover:underline">Troubleshooting</Link>
          <Link href={codesUrl()} className="hover:underline">Error codes</Link>
          <Link href={librariesUrl()} className="hover:underline">Libraries</Link>
          <Link href={toolUrl()} className="hover:underline">Tools</Link>
        </nav>
        <div className="ml-auto flex items-center gap-2">
          {search}
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
