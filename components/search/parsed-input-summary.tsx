import type { ParsedInput } from "@/lib/search/parse-input";

/** What search read from a paste: codes, statuses, descriptions, the WWW-Authenticate challenge. */
export function ParsedInputSummary({ parsed }: { parsed: ParsedInput }) {
  const rows: Array<{ label: string; value: string }> = [];
  const otherCodes = parsed.codes.filter((code) => !parsed.aadsts.includes(code));
  if (otherCodes.length > 0) rows.push({ label: "Error code", value: otherCodes.join(", ") });
  if (parsed.aadsts.length > 0) rows.push({ label: "Entra ID code", value: parsed.aadsts.join(", ") });
  if (parsed.statuses.length > 0) rows.push({ label: "HTTP status", value: parsed.statuses.join(", ") });
  for (const description of parsed.descriptions.slice(0, 3)) rows.push({ label: "Description", value: description });
  if (parsed.wwwAuthenticate) {
    const { scheme, params } = parsed.wwwAuthenticate;
    const shown = Object.entries(params)
      .filter(([name]) => name !== "error_description")
      .map(([name, value]) => `${name}="${value}"`)
      .join(", ");
    rows.push({ label: "WWW-Authenticate", value: `${scheme}${shown ? ` ${shown}` : ""}` });
  }
  if (rows.length === 0) {
    const line = parsed.messageLines[0];
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        No error code, HTTP status or error description recognised
        {line ? (
          <>
            {" "}in <q className="break-words">{line.length > 120 ? `${line.slice(0, 120)}…` : line}</q>
          </>
        ) : null}
        .
      </p>
    );
  }
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
      {rows.map((row, index) => (
        <div key={index} className="contents">
          <dt className="text-zinc-600 dark:text-zinc-400">{row.label}</dt>
          <dd className="min-w-0 font-mono break-words text-zinc-900 dark:text-zinc-100">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
