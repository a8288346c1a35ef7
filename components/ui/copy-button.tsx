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

// The look is one utility in app/globals.css: a page can carry a few hundred of these buttons.
const defaultClassName = "copy-button";

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
      data-copy={fetchText ? "fetch" : asUrl ? "url" : "text"}
      data-copy-value={value}
      className={className ?? defaultClassName}
    >
      {children ?? "Copy"}
    </button>
  );
}
