"use client";

// The redirect_uri checker: would the IdP accept this redirect_uri? Offline it compares with a
// pasted list of registered URIs; live it sends the authorize request a browser would send to an
// IdP (the bundled mock by default) and reads the answer. The input is in the URL on the tool's
// own page (`?registered=…&registered=…&redirect_uri=…` or `?issuer=…&client_id=…&redirect_uri=…`);
// the API takes it as a JSON POST body.
import { useEffect, useId, useState, type FormEvent } from "react";
import { mockIdpIssuer } from "@/lib/mock-idp/paths";
import { alignStrings } from "./align-strings";
import { FindingsTable, summarizeFindings } from "./findings-table";
import { ToolStatus } from "./tool-status";
import { redirectUriResponseSchema, responseParser, type RedirectUriDifferenceResponse, type RedirectUriResponse } from "./tool-responses";
import { useOrigin } from "./use-origin";
import { useToolQuery } from "./use-tool-query";
import { buttonClass, inputClass } from "./widget-styles";
import { TextField } from "./text-field";

export type RedirectUriWidgetProps = {
  /** Keep the input in the page URL (the tool's own page), or in the widget (embedded in an entry). */
  syncUrl?: boolean;
};

type Mode = "offline" | "live";

const queryKeys = ["registered", "redirect_uri", "issuer", "client_id"] as const;
const repeatedKeys = ["registered"] as const;
const parseRedirectUri = responseParser(redirectUriResponseSchema);

// The demo registry's clients as shipped (content/mock-idp/clients.json; DESIGN.md's table).
const demoClients = [
  { id: "logi_demo_web", name: "web app, confidential" },
  { id: "logi_demo_spa", name: "single-page app, PKCE" },
  { id: "logi_demo_google_only", name: "Google-only app" },
  { id: "logi_demo_identified_only", name: "members-only app" },
  { id: "logi_demo_device", name: "TV app, device flow: no redirect_uri" },
  { id: "logi_demo_inspector", name: "this site's id_token inspector" },
] as const;
const defaultClientId = "logi_demo_web";
const otherClient = "other";

const verdictWords: Record<NonNullable<RedirectUriResponse["verdict"]>, string> = {
  registered: "Registered",
  redirect_uri_mismatch: "Near miss: redirect_uri_mismatch",
  not_registered: "Not registered",
};

function verdictSentence(result: RedirectUriResponse): string {
  switch (result.verdict) {
    case "registered":
      return `${result.redirect_uri} is registered character for character, so the IdP goes on to its login screen.`;
    case "redirect_uri_mismatch":
      return `${result.redirect_uri} is almost a registered URI${result.closest ? ` (${result.closest})` : ""}, but not character for character.`;
    case "not_registered":
      return `Nothing registered for this client is ${result.redirect_uri}${result.closest ? `; the closest registered URI, ${result.closest}, is a different place, not a typo` : ""}.`;
    default:
      return "The IdP's answer does not say whether the redirect_uri is registered; the findings below say what it answered instead.";
  }
}

function describeResult(result: RedirectUriResponse): string {
  const verdict = result.verdict === null ? "No verdict" : verdictWords[result.verdict];
  return `${verdict} (${result.mode === "live" ? "asked the IdP" : "compared offline"}): ${summarizeFindings(result.checks)}.`;
}

function AnswerText({ result }: { result: RedirectUriResponse }) {
  const { answer } = result;
  const tense = result.mode === "live" ? "answered" : "answers";
  if (answer.status === 302) {
    return (
      <>
        The IdP {tense} <strong>HTTP 302 to its own error page</strong> with <code className="font-mono">error=redirect_uri_mismatch</code>: it never calls
        your callback, because a near miss may not receive the code.
      </>
    );
  }
  if (answer.status === 400) {
    return (
      <>
        The IdP {tense} <strong>HTTP 400</strong>{" "}
        <code className="font-mono [overflow-wrap:anywhere]">{JSON.stringify({ error: answer.error ?? "invalid_request", error_description: answer.description ?? "redirect_uri not registered" })}</code>{" "}
        in the browser, without redirecting anywhere.
      </>
    );
  }
  if (result.verdict === "registered") return <>No error: the IdP {tense} by going on to its login screen.</>;
  return <>The IdP {tense} something other than a redirect_uri error (see the findings).</>;
}

function LiveDetails({ result }: { result: RedirectUriResponse }) {
  if (result.mode !== "live") return null;
  return (
    <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
      {result.observed && (
        <>
          <dt className="font-medium">Observed</dt>
          <dd className="font-mono [overflow-wrap:anywhere]">
            HTTP {result.observed.status}
            {result.observed.location ? `, Location: ${result.observed.location}` : ""}
          </dd>
        </>
      )}
      {result.request_url && (
        <>
          <dt className="font-medium">Preflight request</dt>
          <dd className="font-mono [overflow-wrap:anywhere]">curl -sI &apos;{result.request_url}&apos;</dd>
        </>
      )}
    </dl>
  );
}

/**
 * One row of the aligned pair: the shared text plain, each differing run marked and as wide as
 * its longer side (in `ch` of the monospace font), so both rows keep their columns without
 * padding the text itself: the row still reads, and copies, as the URI.
 */
function AlignedRow({ runs, side }: { runs: ReturnType<typeof alignStrings>; side: "top" | "bottom" }) {
  return (
    <span>
      {runs.map((run, index) =>
        run.same ? (
          <span key={index}>{run.text}</span>
        ) : (
          <mark
            key={index}
            style={{ minWidth: `${Math.max(run.top.length, run.bottom.length, 1)}ch` }}
            className="inline-block rounded-sm bg-amber-200 text-zinc-950 underline decoration-2 underline-offset-2 dark:bg-amber-700 dark:text-white"
          >
            {run[side]}
          </mark>
        ),
      )}
    </span>
  );
}

function DifferenceItem({ difference }: { difference: RedirectUriDifferenceResponse }) {
  const parts = difference.registered !== undefined || difference.requested !== undefined;
  return (
    <li data-kind={difference.kind} className="flex flex-wrap items-baseline gap-x-2">
      <span className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs font-semibold text-zinc-800 dark:bg-zinc-800 dark:text-zinc-100">{difference.kind}</span>
      <span className="[overflow-wrap:anywhere]">
        {difference.detail}
        {parts && (
          <span className="text-zinc-600 dark:text-zinc-400">
            {" "}
            (registered <code className="font-mono">{difference.registered ?? "(none)"}</code>, requested <code className="font-mono">{difference.requested ?? "(none)"}</code>)
          </span>
        )}
      </span>
    </li>
  );
}

function Comparison({ registered, requested, differences }: { registered: string; requested: string; differences: RedirectUriDifferenceResponse[] }) {
  const headingId = useId();
  const runs = alignStrings(registered, requested);
  return (
    <div className="mt-4" data-testid="redirect-uri-comparison">
      {/* Not a heading: the widget sits under an h1 on its page and under an h3 in an entry. */}
      <p id={headingId} className="text-sm font-semibold">
        Closest registered URI, character by character
      </p>
      {/* Focusable so keyboard users can scroll a long pair sideways; wrapping would break the columns. */}
      <div className="mt-2 overflow-x-auto rounded-lg border border-zinc-200 p-3 dark:border-zinc-800" tabIndex={0} role="region" aria-labelledby={headingId}>
        <div className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 font-mono text-sm whitespace-pre">
          <span className="font-sans font-medium">Registered</span>
          <span data-testid="aligned-registered">
            <AlignedRow runs={runs} side="top" />
          </span>
          <span className="font-sans font-medium">Requested</span>
          <span data-testid="aligned-requested">
            <AlignedRow runs={runs} side="bottom" />
          </span>
        </div>
      </div>
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">Marked: where the two strings differ (a blank mark is a character one side has and the other lacks).</p>
      {differences.length > 0 && (
        <ul className="mt-2 space-y-1 text-sm" data-testid="redirect-uri-differences">
          {differences.map((difference, index) => (
            <DifferenceItem key={`${difference.kind}-${index}`} difference={difference} />
          ))}
        </ul>
      )}
    </div>
  );
}

function RedirectUriResult({ result }: { result: RedirectUriResponse }) {
  const tone =
    result.verdict === "registered"
      ? "border-emerald-600 bg-emerald-50 dark:bg-emerald-950/40"
      : result.verdict === null
        ? "border-zinc-500 bg-zinc-50 dark:bg-zinc-900"
        : "border-red-600 bg-red-50 dark:bg-red-950/40";
  return (
    <div data-testid="redirect-uri-result">
      <div className={`rounded-r-lg border-l-4 px-3 py-2 text-sm ${tone}`} data-testid="redirect-uri-verdict" data-verdict={result.verdict ?? "none"}>
        <p className="[overflow-wrap:anywhere]">
          <strong>{result.verdict === null ? "No verdict" : verdictWords[result.verdict]}.</strong> {verdictSentence(result)}
        </p>
        <p className="mt-1" data-testid="redirect-uri-answer">
          <AnswerText result={result} />
        </p>
        {result.answer.description && result.answer.status === 302 && (
          <p className="mt-1 text-zinc-700 [overflow-wrap:anywhere] dark:text-zinc-300">
            Its error_description: <q>{result.answer.description}</q>
          </p>
        )}
      </div>
      <LiveDetails result={result} />
      {result.closest !== undefined && <Comparison registered={result.closest} requested={result.redirect_uri} differences={result.differences} />}
      <FindingsTable checks={result.checks} caption={`redirect_uri checks for ${result.redirect_uri}`} />
    </div>
  );
}

function ClientPicker({ clientId, onPick }: { clientId: string; onPick: (clientId: string) => void }) {
  const selectId = useId();
  const known = demoClients.some((client) => client.id === clientId);
  return (
    <div>
      <label htmlFor={selectId} className="block text-sm font-medium">
        Demo client
      </label>
      <select
        id={selectId}
        value={known ? clientId : otherClient}
        onChange={(event) => {
          if (event.target.value !== otherClient) onPick(event.target.value);
        }}
        className="mt-1 w-full max-w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-base focus:border-blue-600 focus:outline-2 focus:outline-blue-600 sm:w-auto dark:border-zinc-700 dark:bg-zinc-900"
      >
        {demoClients.map((client) => (
          <option key={client.id} value={client.id}>
            {client.id} ({client.name})
          </option>
        ))}
        <option value={otherClient}>Another client_id (as typed)</option>
      </select>
    </div>
  );
}

export function RedirectUriWidget({ syncUrl = true }: RedirectUriWidgetProps) {
  const origin = useOrigin();
  const { query, state, submit } = useToolQuery({ tool: "redirect-uri", keys: queryKeys, repeated: repeatedKeys, method: "POST", parse: parseRedirectUri, syncUrl });
  const [mode, setMode] = useState<Mode>("offline");
  const [registered, setRegistered] = useState("");
  const [redirectUri, setRedirectUri] = useState("");
  const [issuer, setIssuer] = useState("");
  const [clientId, setClientId] = useState(defaultClientId);
  const modeName = useId();
  const registeredId = useId();
  const registeredHintId = useId();

  // Input from the URL (on arrival or on going back) fills the form; without any, an empty
  // offline comparison, and the bundled mock IdP for a live check.
  useEffect(() => {
    const defaultIssuer = origin ? mockIdpIssuer(origin) : "";
    if (query) {
      const live = query.issuer !== undefined || query.client_id !== undefined;
      setMode(live ? "live" : "offline");
      setRegistered(query.registered ?? "");
      setRedirectUri(query.redirect_uri ?? "");
      setIssuer(query.issuer ?? defaultIssuer);
      setClientId(query.client_id ?? defaultClientId);
    } else {
      setMode("offline");
      setRegistered("");
      setRedirectUri("");
      setIssuer(defaultIssuer);
      setClientId(defaultClientId);
    }
  }, [query, origin]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const requested = redirectUri.trim();
    submit(mode === "offline" ? { registered, redirect_uri: requested } : { issuer: issuer.trim(), client_id: clientId.trim(), redirect_uri: requested });
  }

  return (
    <div className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <form onSubmit={onSubmit} className="space-y-4">
        <fieldset>
          <legend className="text-sm font-medium">Check</legend>
          <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" name={modeName} value="offline" checked={mode === "offline"} onChange={() => setMode("offline")} />
              Offline compare with the registered URIs
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name={modeName} value="live" checked={mode === "live"} onChange={() => setMode("live")} />
              Live preflight against an IdP
            </label>
          </div>
        </fieldset>
        {mode === "offline" ? (
          <div>
            <label htmlFor={registeredId} className="block text-sm font-medium">
              Registered redirect URIs <span className="font-normal text-zinc-600 dark:text-zinc-400">(one per line)</span>
            </label>
            <textarea
              id={registeredId}
              value={registered}
              onChange={(event) => setRegistered(event.target.value)}
              required
              rows={3}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={registeredHintId}
              placeholder={"https://app.example.com/auth/callback\nhttp://localhost:3000/auth/callback"}
              className={inputClass}
            />
            <p id={registeredHintId} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
              Copy them from the client&apos;s settings in the IdP console. Nothing is sent to the IdP in this mode.
            </p>
          </div>
        ) : (
          <>
            <TextField label="Issuer" url value={issuer} onChange={setIssuer} />
            <div className="grid gap-4 sm:grid-cols-2">
              <ClientPicker clientId={clientId} onPick={setClientId} />
              <TextField label="client_id" value={clientId} onChange={setClientId} />
            </div>
          </>
        )}
        <TextField
          label="Requested redirect_uri"
          url
          value={redirectUri}
          onChange={setRedirectUri}
          placeholder="https://app.example.com/auth/callback"
          hint={
            mode === "offline"
              ? "Exactly as the RP sends it in the authorize request (URL-decoded once)."
              : "The check sends the authorize request a browser would (redirects not followed, a fixed PKCE challenge) and reads the IdP's answer; no one signs in."
          }
        />
        <button type="submit" className={buttonClass}>
          {mode === "offline" ? "Compare" : "Ask the IdP"}
        </button>
      </form>
      <ToolStatus state={state} describe={describeResult} />
      {state.status === "done" && <RedirectUriResult result={state.result} />}
    </div>
  );
}
