import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getCatalogue } from "@/lib/content/catalogue.server";
import { librariesByStack, messagesByLibrary } from "@/lib/content/libraries";
import { getLibraries } from "@/lib/content/libraries.server";
import { buildPageMetadata } from "@/lib/page-metadata";
import { librariesUrl, libraryUrl } from "@/lib/urls";

export const metadata: Metadata = buildPageMetadata({
  title: "Messages by library",
  description: "Every error message the catalogue quotes, grouped by the library, framework, browser or IdP that prints it, each linked to the entry that fixes it.",
  path: librariesUrl(),
});

export default async function LibrariesPage() {
  const { entries } = await getCatalogue();
  const groups = librariesByStack(messagesByLibrary(getLibraries(), entries));
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Messages by library</h1>
      <p className="mt-3 max-w-3xl text-zinc-700 dark:text-zinc-300">
        The error strings RP libraries, frameworks, browsers and identity providers print, exactly as
        they print them, each linked to the entry (and where known the cause) that explains it. Pick
        the library your app uses.
      </p>
      {groups.map((group) => (
        <section key={group.stack} aria-labelledby={`stack-${group.stack}`} className="mt-8">
          <h2 id={`stack-${group.stack}`} className="text-xl font-semibold">{group.label}</h2>
          <ul className="mt-3 grid gap-2 sm:grid-cols-2">
            {group.libraries.map(({ library, messages }) => (
              <li key={library.id}>
                <Link href={libraryUrl(library.id)} className="text-link">{library.name}</Link>{" "}
                <span className="text-sm text-zinc-600 dark:text-zinc-400">({messages.length} {messages.length === 1 ? "message" : "messages"})</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
