"use client";

import { useEffect } from "react";
import { parseFragment, resolveFragment, type AnchorRedirects } from "@/lib/content/anchor-redirects";

type AnchorHashRedirectProps = {
  redirects: AnchorRedirects;
  /** The entry whose page this is; left out on the catalogue. */
  pageSlug?: string;
};

/** Rewrites a retired `#<slug>` or `#<slug>--<cause>` in the address bar to the current anchor and scrolls to it. */
export function AnchorHashRedirect({ redirects, pageSlug }: AnchorHashRedirectProps) {
  useEffect(() => {
    function rewrite() {
      const next = resolveFragment(parseFragment(window.location.hash), redirects, pageSlug);
      if (!next) return;
      // Keep the router's history state; only the fragment changes.
      history.replaceState(history.state, "", `${window.location.pathname}${window.location.search}#${next}`);
      document.getElementById(next)?.scrollIntoView();
    }
    rewrite();
    window.addEventListener("hashchange", rewrite);
    return () => window.removeEventListener("hashchange", rewrite);
  }, [redirects, pageSlug]);
  return null;
}
