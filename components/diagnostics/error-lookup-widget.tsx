"use client";

// The error-code lookup: paste anything (an error body, a callback URL, a header, a log line, a
// stack trace); see what was read, each code's reference and the entries that fix it. On the
// tool's own page the paste is in the URL (`?input=…`); it is sent as a JSON POST body, so long
// stack traces fit. Everything pasted is rendered as text.
import { Link } from "@/components/ui/link";
import { useEffect, useState, type FormEvent } from "react";
import { FindingsTable, NoValue, summarizeFindings } from "./findings-table";
import { ToolStatus } from "./tool-status";
import { errorLookupResponseSchema, responseParser, type ErrorLookupResponse } from "./tool-responses";
import { useToolQuery } from "./use-tool-query";
import { TextField } from "./text-field";
import { buttonClass } from "./widget-styles";

export type ErrorLookupWidgetProps = { syncUrl?: boolean };

const queryKeys = ["input"] as const;
const parseLookup = responseParser(errorLookupResponseSchema);

function describeResult(result: ErrorLookupResponse): string {
  const best = result.entries[0];
  return best ? `Best match: ${best.title}. ${summarizeFindings(result.checks)}.` : `No entry matched. ${summarizeFindings(result.checks)}.`;
}

function WhatWasRead({ parsed }: { parsed: ErrorLookupResponse["parsed"] }) {
  const rows: Array<[string, string | null]> = [
    ["Codes", parsed.codes.length > 0 ? parsed.codes.join(", ") : null],
    ["HTTP status", parsed.status === null ? null : String(parsed.status)],
    ["Description", parsed.description],
    ["Vendor", parsed.vendor],
  ];
  return (
    <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="lookup-parsed">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium">{label}</dt>
          <dd className="font-mono [overflow-wrap:anywhere]">{value ?? <NoValue />}</dd>
        </div>
      ))}
    </dl>
  );
}

function CodeReferences({ codes }: { codes: ErrorLookupResponse["codes"] }) {
  if (codes.length === 0) return null;
  return (
    <section className="mt-4" aria-label="Code reference">
      <h2 className="text-base font-semibold">What the codes mean</h2>
      {codes.map((code) => (
        <div key={code.code} className="mt-2 rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800" data-testid="lookup-code">
          <p className="font-mono font-semibold">
            {code.url ? <Link href={code.url} className="text-link">{code.code}</Link> : code.code}
            {!code.known && <span className="ml-2 font-sans font-normal text-zinc-600 dark:text-zinc-400">(not in the reference)</span>}
          </p>
          {code.definitions.map((definition) => (
            <div key={definition.id} className="mt-2">
              <p>{definition.meaning}</p>
              <p className="text-zinc-700 dark:text-zinc-300">
                {definition.source_label} · returned {definition.returned_at_label} · {definition.http_label}
                {definition.retry ? ` · retry: ${definition.retry}` : ""}
                {definition.spec && (
                  <>
                    {" · "}
                    <a href={definition.spec.url} className="text-link" rel="noopener">
                      {definition.spec.title}
                      {definition.spec.section ? ` §${definition.spec.section}` : ""}
                    </a>
                  </>
                )}
              </p>
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}

function MatchingEntries({ entries }: { entries: ErrorLookupResponse["entries"] }) {
  return (
    <section className="mt-4" aria-label="Matching entries">
      <h2 className="text-base font-semibold">Entries that fix it, best first</h2>
      {entries.length === 0 ? (
        <p className="mt-1 text-sm">No entry matched. Try the part of the message that names the problem, or the error code alone.</p>
      ) : (
        <ol className="mt-1 list-decimal space-y-1 pl-6 text-sm" data-testid="lookup-entries">
          {entries.map((entry) => (
            <li key={entry.url}>
              <Link href={entry.url} className="text-link">
                {entry.title}
              </Link>
              {entry.cause && <span className="text-zinc-700 dark:text-zinc-300"> — {entry.cause.title}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function ErrorLookupWidget({ syncUrl = true }: ErrorLookupWidgetProps) {
  const { query, state, submit } = useToolQuery({ tool: "error-lookup", keys: queryKeys, parse: parseLookup, syncUrl, method: "POST" });
  const [input, setInput] = useState("");

  useEffect(() => {
    if (query) setInput(query.input ?? "");
  }, [query]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit({ input: input.trim() });
  }

  return (
    <div className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <form onSubmit={onSubmit} className="space-y-4">
        <TextField
          label="Error"
          name="input"
          rows={6}
          value={input}
          onChange={setInput}
          hint={
            <>
              Paste an error body, a callback URL with <code className="font-mono">?error=</code>, a <code className="font-mono">WWW-Authenticate</code> header, an AADSTS code, a log line or a stack trace.
            </>
          }
        />
        <button type="submit" className={buttonClass}>
          Look it up
        </button>
      </form>
      <ToolStatus state={state} describe={describeResult} />
      {state.status === "done" && (
        <div data-testid="error-lookup-result">
          <WhatWasRead parsed={state.result.parsed} />
          <CodeReferences codes={state.result.codes} />
          <MatchingEntries entries={state.result.entries} />
          <FindingsTable checks={state.result.checks} caption="What the lookup found" />
        </div>
      )}
    </div>
  );
}
