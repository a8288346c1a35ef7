// Renders an entry's compiled MDX on the server. The component map gives causes their
// permanent anchors and code blocks their copy button.
import { getMDXComponent } from "mdx-bundler/client";
import type { ComponentProps, ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { causeAnchor } from "@/lib/urls";

type HeadingLevel = 2 | 3 | 4 | 5 | 6;

type MdxContentProps = {
  code: string;
  slug: string;
  /** Level used for the body's `## Symptom` headings; causes sit one level below. */
  sectionLevel: HeadingLevel;
  /** The page the anchors live on; "copy link" copies `<pagePath>#<anchor>`. */
  pagePath: string;
};

function Heading({ level, children, id, className }: { level: HeadingLevel; children: ReactNode; id?: string; className?: string }) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className={className}>
      {children}
    </Tag>
  );
}

function nextLevel(level: HeadingLevel): HeadingLevel {
  return level === 6 ? 6 : ((level + 1) as HeadingLevel);
}

function Callout({ type = "note", children }: { type?: "note" | "warning"; children: ReactNode }) {
  const tone =
    type === "warning"
      ? "border-amber-500 bg-amber-50 dark:bg-amber-950/40"
      : "border-blue-500 bg-blue-50 dark:bg-blue-950/40";
  return (
    <aside className={`not-prose my-4 rounded-r-md border-l-4 px-4 py-3 text-sm ${tone}`}>
      <p className="mb-1 font-semibold">{type === "warning" ? "Warning" : "Note"}</p>
      <div className="space-y-2">{children}</div>
    </aside>
  );
}

function Pre({ children, ...props }: ComponentProps<"pre"> & { "data-raw"?: string }) {
  const raw = props["data-raw"];
  return (
    <div className="not-prose relative my-4">
      <pre {...props} className="overflow-x-auto rounded-lg border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-700 dark:bg-zinc-900">
        {children}
      </pre>
      {raw !== undefined && (
        <div className="absolute top-2 right-2">
          <CopyButton value={raw} label="Copy code" />
        </div>
      )}
    </div>
  );
}

export function MdxContent({ code, slug, sectionLevel, pagePath }: MdxContentProps) {
  const Content = getMDXComponent(code);
  const causeLevel = nextLevel(sectionLevel);

  function Cause({ id, title, children }: { id: string; title: string; children: ReactNode }) {
    const anchor = causeAnchor(slug, id);
    return (
      <section id={anchor} data-cause={id} className="my-4 rounded-lg border border-zinc-200 px-4 py-1 dark:border-zinc-700">
        <div className="flex items-baseline justify-between gap-3">
          <Heading level={causeLevel} className="mt-3! mb-1!">
            <a href={`#${anchor}`} className="no-underline hover:underline">
              {title}
            </a>
          </Heading>
          <CopyButton value={`${pagePath}#${anchor}`} asUrl label={`Copy link to cause: ${title}`}>
            Copy link
          </CopyButton>
        </div>
        {children}
      </section>
    );
  }

  return (
    // Rendered only on the server, where a component keeps no state: building Content here loses nothing.
    // eslint-disable-next-line react-hooks/static-components
    <Content
      components={{
        h2: ({ children }) => <Heading level={sectionLevel}>{children}</Heading>,
        h3: ({ children }) => <Heading level={causeLevel}>{children}</Heading>,
        pre: Pre,
        // Wide tables scroll inside their own box (focusable, so keyboards can scroll it too).
        table: (props: ComponentProps<"table">) => (
          <div className="relative overflow-x-auto" tabIndex={0}>
            <table {...props} />
          </div>
        ),
        Cause,
        Callout,
      }}
    />
  );
}
