import type { ReactNode } from "react";

type CopyButtonProps = {
  /** What to copy: the text itself, a site path or anchor made absolute (`asUrl`), or a site path whose response body is copied (`fetchText`). */
  value: string;
  asUrl?: boolean;
  fetchText?: boolean;
  label: string;
  className?: string;
  children?: ReactNode;
};

const defaultClassName =
  "rounded border border-zinc-300 bg-white/90 px-2 py-0.5 text-xs font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-600 dark:bg-zinc-800/90 dark:text-zinc-200 dark:hover:bg-zinc-700";

/**
 * A copy-to-clipboard button rendered as plain HTML: one `CopyHandler` in the layout handles every
 * such button on the page, so a page with hundreds of them hydrates none. The handler sets
 * `data-state` to `copied` or `failed` for two seconds and announces the result.
 */
export function CopyButton({ value, asUrl = false, fetchText = false, label, className, children }: CopyButtonProps) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      data-copy={fetchText ? "fetch" : asUrl ? "url" : "text"}
      data-copy-value={value}
      className={`group ${className ?? defaultClassName}`}
    >
      <span className="group-data-[state]:hidden">{children ?? "Copy"}</span>
      <span className="hidden group-data-[state=copied]:inline">Copied</span>
      <span className="hidden group-data-[state=failed]:inline">Copy failed</span>
    </button>
  );
}
