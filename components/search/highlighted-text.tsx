import { splitHighlights, type TextRange } from "@/lib/search/highlight";

/** Text with matched ranges in `<mark>`; always text nodes, never HTML. */
export function HighlightedText({ text, ranges }: { text: string; ranges: readonly TextRange[] }) {
  return (
    <>
      {splitHighlights(text, ranges).map((part, index) =>
        part.match ? (
          <mark key={index} className="rounded-sm bg-amber-200 px-0.5 text-zinc-950 dark:bg-amber-300 dark:text-zinc-950">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
