import { Link } from "@/components/ui/link";
import { catalogueUrl, codesUrl } from "@/lib/urls";

export default function NotFound() {
  return (
    <section className="py-10">
      <h1 className="text-3xl font-bold tracking-tight">Page not found</h1>
      <p className="mt-3 max-w-2xl text-zinc-700 dark:text-zinc-300">
        There is no page at this address. If you followed a link to an entry, it may have been
        renamed: search the catalogue for the error you have.
      </p>
      <form action={catalogueUrl()} method="get" role="search" className="mt-6 flex max-w-xl gap-2">
        <label htmlFor="notfound-search" className="sr-only">Search the catalogue</label>
        <input id="notfound-search" name="q" type="search" placeholder="Error code or message" className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900" />
        <button type="submit" className="rounded-lg bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800">Search</button>
      </form>
      <ul className="mt-6 space-y-1">
        <li><Link href={catalogueUrl()} className="text-link">Browse the whole catalogue</Link></li>
        <li><Link href={codesUrl()} className="text-link">Look up an error code</Link></li>
        <li><Link href="/" className="text-link">Home</Link></li>
      </ul>
    </section>
  );
}
