import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isMockIdpEnabled } from "@/lib/mock-idp/default.server";
import { describeErrorPage } from "@/lib/mock-idp/error-page";
import { singleSearchParam, type PageSearchParams } from "@/lib/mock-idp/search-params";
import { entryUrl } from "@/lib/urls";

export const metadata: Metadata = { title: "Sign-in error (mock IdP)", robots: { index: false } };

export default async function MockIdpErrorPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  if (!isMockIdpEnabled()) notFound();
  const params = await searchParams;
  const page = describeErrorPage({
    error: singleSearchParam(params, "error"),
    description: singleSearchParam(params, "error_description"),
    clientId: singleSearchParam(params, "client_id"),
    redirectUri: singleSearchParam(params, "redirect_uri"),
    registered: singleSearchParam(params, "registered"),
    difference: singleSearchParam(params, "difference"),
  });

  return (
    <section className="mx-auto max-w-2xl py-6">
      <p className="text-sm text-zinc-500 dark:text-zinc-400">logi · mock identity provider</p>
      <h1 className="mt-1 text-2xl font-bold">{page.title}</h1>
      <p className="mt-3"><code>{page.error}</code>{page.description ? <>: {page.description}</> : null}</p>
      {page.rows.length > 0 ? (
        <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
          {page.rows.map((row) => (
            <div key={row.label} className="contents">
              <dt className="font-semibold">{row.label}</dt>
              <dd className="break-all font-mono">{row.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {page.differences.length > 0 ? (
        <ul className="mt-4 list-disc space-y-1 pl-5">
          {page.differences.map((difference) => <li key={difference}>{difference}</li>)}
        </ul>
      ) : null}
      {page.entry ? <p className="mt-6"><a href={entryUrl(page.entry)} className="text-link">How to fix this</a></p> : null}
    </section>
  );
}
