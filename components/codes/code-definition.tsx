import { Link } from "@/components/ui/link";
import { definitionAnchor, httpStatusLabel, returnedAtLabels, sourceLabels } from "@/lib/codes";
import type { CodeDefinition as Definition } from "@/lib/codes/schema";
import { codeUrl } from "@/lib/urls";

export function definitionHeading(definition: Definition): string {
  const place = returnedAtLabels[definition.returned_at];
  return definition.vendor ? `${definition.vendor}: ${place}` : place;
}

/** Everything the reference knows about one meaning of a code. */
export function CodeDefinition({ definition }: { definition: Definition }) {
  const anchor = definitionAnchor(definition);
  const headingId = `${anchor}-title`;
  return (
    <section id={anchor} aria-labelledby={headingId} className="mt-8 scroll-mt-20 rounded-lg border border-zinc-200 p-5 dark:border-zinc-800">
      <h2 id={headingId} className="text-lg font-semibold">{definitionHeading(definition)}</h2>
      <p className="mt-2 text-zinc-800 dark:text-zinc-200">{definition.meaning}</p>
      <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium text-zinc-600 dark:text-zinc-400">Where it is returned</dt>
        <dd>{returnedAtLabels[definition.returned_at]}</dd>

        <dt className="font-medium text-zinc-600 dark:text-zinc-400">Typical HTTP status</dt>
        <dd className={definition.http === null ? "" : "font-mono"}>{httpStatusLabel(definition.http)}</dd>

        {definition.retry && (
          <>
            <dt className="font-medium text-zinc-600 dark:text-zinc-400">Retry</dt>
            <dd>{definition.retry}</dd>
          </>
        )}

        {definition.oauth_error && (
          <>
            <dt className="font-medium text-zinc-600 dark:text-zinc-400">Sent with error</dt>
            <dd>
              <Link href={codeUrl(definition.oauth_error)} className="font-mono text-link">
                {definition.oauth_error}
              </Link>
            </dd>
          </>
        )}

        <dt className="font-medium text-zinc-600 dark:text-zinc-400">Defined by</dt>
        <dd>
          {definition.spec ? (
            <a href={definition.spec.url} className="text-link" rel="noopener">
              {definition.spec.title}
              {definition.spec.section && <>, section {definition.spec.section}</>}
            </a>
          ) : (
            (definition.vendor ?? sourceLabels[definition.source])
          )}
        </dd>
      </dl>
    </section>
  );
}
