"use client";

import { useEffect } from "react";

/**
 * Puts "Copy link" and "Copy as Markdown" into each catalogue entry's last paragraph, named after
 * the entry ("Copy link to <title>"), once the page is interactive, which is also when they start to
 * copy (`CopyHandler` reads the entry from the enclosing `data-entry`). The catalogue repeats them
 * for every entry, so the server renders only the empty paragraph, sized for them.
 */
export function CatalogueCopyButtons() {
  useEffect(() => {
    for (const article of document.querySelectorAll<HTMLElement>("article[data-entry]")) {
      const row = article.querySelector(":scope > p:last-of-type");
      if (!row || row.querySelector("button")) continue;
      const title = article.querySelector("h3")?.textContent ?? "";
      for (const [copy, text, lead] of buttons) {
        const button = document.createElement("button");
        button.type = "button";
        button.dataset.copy = copy;
        button.className = "copy-button";
        button.textContent = text;
        button.setAttribute("aria-label", `${lead} ${title}`);
        row.append(button);
      }
    }
  }, []);
  return null;
}

const buttons = [
  ["entry-url", "Copy link", "Copy link to"],
  ["entry-markdown", "Copy as Markdown", "Copy as Markdown:"],
] as const;
