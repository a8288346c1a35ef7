"use client";

import { useEffect } from "react";

/**
 * Names each catalogue copy button after its entry ("Copy link to <title>") once the page is
 * interactive, which is also when the buttons start to copy. The catalogue repeats them for every
 * entry, in the HTML and again in the page's payload, so the server renders only the visible
 * "Copy link" and "Copy as Markdown" and leaves the entry-specific name to this one component.
 */
export function CatalogueCopyNames() {
  useEffect(() => {
    for (const article of document.querySelectorAll<HTMLElement>("article[data-entry]")) {
      const title = article.querySelector("h3")?.textContent ?? "";
      for (const button of article.querySelectorAll<HTMLButtonElement>("button[data-copy^='entry-']")) {
        const lead = button.dataset.copy === "entry-markdown" ? "Copy as Markdown:" : "Copy link to";
        button.setAttribute("aria-label", `${lead} ${title}`);
      }
    }
  }, []);
  return null;
}
