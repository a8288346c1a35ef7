"use client";

import { useEffect } from "react";

/** Rewrites `#<retired-slug>` to `#<slug>` so old catalogue links land on the right entry. */
export function AliasHashRedirect({ aliases }: { aliases: Record<string, string> }) {
  useEffect(() => {
    function rewrite() {
      const hash = decodeURIComponent(window.location.hash.slice(1));
      // A cause anchor under a retired slug keeps its cause part.
      const [slug = "", ...rest] = hash.split("--");
      const target = aliases[slug];
      if (!target) return;
      const next = [target, ...rest].join("--");
      history.replaceState(null, "", `${window.location.pathname}${window.location.search}#${next}`);
      document.getElementById(next)?.scrollIntoView();
    }
    rewrite();
    window.addEventListener("hashchange", rewrite);
    return () => window.removeEventListener("hashchange", rewrite);
  }, [aliases]);
  return null;
}
