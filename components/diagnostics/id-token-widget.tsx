"use client";

// The id_token inspector. The token never leaves the browser: it is decoded and verified here
// (inspectIdToken, with jose), and the only requests are to this site's discovery and JWKS
// checks, which receive the issuer and nothing else. It is kept in the page's memory only: not
// in the URL, not in storage. "Get a token" signs in to the bundled mock IdP (or one of its fault
// scenarios) as the public client logi_demo_inspector, whose callback is this page; the code
// comes back in the URL, is removed from it at once, and is redeemed at the scenario's token
// endpoint (the IdP handing out the token, not the token being sent anywhere).
import { Link } from "@/components/ui/link";
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { decodeIdToken, defaultClockSkewSeconds, inspectIdToken, inspectionIssuer, maxClockSkewSeconds, parseIdTokenInput, type IdTokenInput, type IdTokenInspection } from "@/lib/diagnostics/id-token";
import { mockIdpScenarioIssuer } from "@/lib/mock-idp/paths";
import { findMockIdpScenario, type MockIdpScenarioName } from "@/lib/mock-idp/scenarios";
import { diagnosticsApiUrl, entryUrl, toolUrl } from "@/lib/urls";
import { completeDemoSignIn, demoCallbackState, startDemoSignIn } from "./demo-sign-in";
import { fetchDiagnostic, type DiagnosticOutcome } from "./fetch-diagnostic";
import { FindingsTable, summarizeFindings } from "./findings-table";
import { IdTokenClaims } from "./id-token-claims";
import { ToolStatus } from "./tool-status";
import { discoveryResponseSchema, jwksResponseSchema, responseParser, type DiscoveryResponse, type JwksResponse } from "./tool-responses";
import { useOrigin } from "./use-origin";
import type { ToolRunState } from "./use-tool-query";
import { buttonClass, inputClass } from "./widget-styles";

export type IdTokenWidgetProps = {
  /** On the tool's own page (the sign-in's callback), or embedded in an entry (links to that page to get a token). */
  syncUrl?: boolean;
};

type Fields = { token: string; issuer: string; clientId: string; nonce: string; skew: string };

/** One inspection: the checks, and where the issuer's metadata and keys came from. */
type Inspected = {
  inspection: IdTokenInspection;
  /** The issuer whose discovery and keys were fetched; null when there was none to ask. */
  issuer: string | null;
  discovery: DiagnosticOutcome<DiscoveryResponse> | null;
  jwks: DiagnosticOutcome<JwksResponse> | null;
  /** The clock the times were read against (ms). */
  now: number;
};

const emptyFields: Fields = { token: "", issuer: "", clientId: "", nonce: "", skew: String(defaultClockSkewSeconds) };
const parseDiscovery = responseParser(discoveryResponseSchema);
const parseJwks = responseParser(jwksResponseSchema);

const healthy = "healthy";
// The scenarios whose tokens fail a check of their own (the others break discovery or keys only).
const signInScenarios: readonly MockIdpScenarioName[] = ["rotated-key", "wrong-issuer", "trailing-slash-issuer", "duplicate-kid", "jwks-unavailable", "missing-jwks-uri"];

function toInput(fields: Fields) {
  const optional = (value: string) => (value.trim() === "" ? undefined : value.trim());
  return parseIdTokenInput({
    token: fields.token,
    issuer: optional(fields.issuer),
    client_id: optional(fields.clientId),
    nonce: optional(fields.nonce),
    clock_skew_seconds: optional(fields.skew),
  });
}

/** Discovery and keys for the token's issuer through our own API (only the issuer is sent), then every check here. */
async function inspectInBrowser(input: IdTokenInput, signal: AbortSignal): Promise<Inspected> {
  const issuer = decodeIdToken(input.token).ok ? inspectionIssuer(input) : null;
  const [discovery, jwks] =
    issuer === null
      ? [null, null]
      : await Promise.all([
          fetchDiagnostic(diagnosticsApiUrl("discovery", { issuer }), parseDiscovery, { signal }),
          fetchDiagnostic(diagnosticsApiUrl("jwks", { issuer }), parseJwks, { signal }),
        ]);
  const metadata = discovery?.status === "done" ? (discovery.result.metadata ?? null) : null;
  const keys = jwks?.status === "done" ? (jwks.result.public_keys ?? []) : [];
  const now = Date.now();
  const inspection = await inspectIdToken(input, { jwks: keys.length > 0 ? { keys } : null, metadata, now });
  return { inspection, issuer, discovery, jwks, now };
}

function describeResult({ inspection }: Inspected): string {
  return `${inspection.ok ? "No check failed" : "Some checks failed"}: ${summarizeFindings(inspection.checks)}.`;
}

function SourceLine({ label, outcome, describe, tool, issuer }: { label: string; outcome: DiagnosticOutcome<DiscoveryResponse | JwksResponse> | null; describe: string; tool: "discovery" | "jwks"; issuer: string }) {
  const failing = outcome?.status === "done" ? outcome.result.checks.filter((check) => check.status === "fail").length : 0;
  return (
    <li className="[overflow-wrap:anywhere]">
      <span className="font-medium">{label}:</span> {outcome?.status === "error" ? outcome.message : describe}
      {failing > 0 && ` ${failing} of its checks fail.`}{" "}
      <Link href={toolUrl(tool, { issuer })} className="text-link">
        Open the {tool === "discovery" ? "discovery check" : "JWKS listing"} for this issuer
      </Link>
    </li>
  );
}

function Sources({ result }: { result: Inspected }) {
  const { issuer, discovery, jwks } = result;
  if (issuer === null) {
    return result.inspection.header === null ? null : (
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        No issuer to fetch keys from (the token&apos;s iss is not a URL and no expected issuer was given), so the kid and the signature are not checked.
      </p>
    );
  }
  const metadata = discovery?.status === "done" ? discovery.result : null;
  const keys = jwks?.status === "done" ? jwks.result : null;
  return (
    <div className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="id-token-sources">
      <p>
        Metadata and keys of <code className="font-mono [overflow-wrap:anywhere]">{issuer}</code>, fetched through this site&apos;s checks (only the issuer was sent):
      </p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        <SourceLine label="Discovery" outcome={discovery} tool="discovery" issuer={issuer} describe={metadata?.metadata ? `read from ${metadata.discovery_url}.` : `no metadata document at ${metadata?.discovery_url ?? "the discovery URL"}.`} />
        <SourceLine
          label="Key set"
          outcome={jwks}
          tool="jwks"
          issuer={issuer}
          describe={keys?.jwks_uri ? `${keys.public_keys?.length ?? 0} public key${keys.public_keys?.length === 1 ? "" : "s"} from ${keys.jwks_uri}.` : "no key set could be found."}
        />
      </ul>
    </div>
  );
}

function InspectorResult({ result }: { result: Inspected }) {
  const { inspection } = result;
  return (
    <div data-testid="id-token-result" className="mt-2">
      <Sources result={result} />
      {inspection.header && inspection.claims && <IdTokenClaims header={inspection.header} claims={inspection.claims} now={result.now} />}
      <FindingsTable checks={inspection.checks} caption="id_token checks" />
    </div>
  );
}

function scenarioOf(origin: string, issuer: string): string {
  return signInScenarios.find((name) => mockIdpScenarioIssuer(origin, name) === issuer) ?? healthy;
}

type GetTokenProps = { origin: string; scenario: string; onScenario: (scenario: string) => void; onError: (message: string) => void };

function GetToken({ origin, scenario, onScenario, onError }: GetTokenProps) {
  const [leaving, setLeaving] = useState(false);
  const selectId = useId();
  const descriptionId = useId();
  const picked = findMockIdpScenario(scenario);

  async function onClick() {
    setLeaving(true);
    try {
      window.location.assign(await startDemoSignIn(origin, picked?.name ?? null));
    } catch (error) {
      setLeaving(false);
      onError(`The sign-in could not start (${error instanceof Error ? error.message : String(error)}); this browser may block sessionStorage for this site.`);
    }
  }

  return (
    <div className="mb-4 rounded-lg bg-zinc-50 p-3 dark:bg-zinc-900" data-testid="get-token">
      <p className="text-sm font-medium">No token at hand? Sign in to the bundled mock IdP and inspect the id_token it issues.</p>
      <div className="mt-2 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={selectId} className="block text-sm font-medium">
            Sign in to
          </label>
          <select
            id={selectId}
            value={scenario}
            onChange={(event) => onScenario(event.target.value)}
            aria-describedby={descriptionId}
            className="mt-1 max-w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-base focus:border-blue-600 focus:outline-2 focus:outline-blue-600 dark:border-zinc-700 dark:bg-zinc-950"
          >
            <option value={healthy}>Bundled mock IdP (healthy)</option>
            <optgroup label="Fault scenarios">
              {signInScenarios.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <button type="button" className={buttonClass} onClick={onClick} disabled={!origin || leaving}>
          Get a token
        </button>
      </div>
      <p id={descriptionId} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {picked ? (
          <>
            {picked.description} Reproduces{" "}
            <Link href={entryUrl(picked.entry)} className="text-link">
              {picked.entry}
            </Link>
            .
          </>
        ) : (
          "A correctly configured IdP: every check should pass."
        )}{" "}
        You pick a login method on the mock&apos;s screen and come back here with the token.
      </p>
    </div>
  );
}

export function IdTokenWidget({ syncUrl = true }: IdTokenWidgetProps) {
  const origin = useOrigin();
  const [fields, setFields] = useState<Fields>(emptyFields);
  const [state, setState] = useState<ToolRunState<Inspected>>({ status: "idle" });
  const [scenario, setScenario] = useState(healthy);
  const inFlight = useRef<AbortController | null>(null);
  const tokenId = useId();
  const tokenHintId = useId();
  const issuerId = useId();
  const clientIdId = useId();
  const nonceId = useId();
  const skewId = useId();

  const inspect = useCallback(async (values: Fields) => {
    inFlight.current?.abort();
    const parsed = toInput(values);
    if (!parsed.ok) {
      setState({ status: "error", message: `${parsed.error.message.replace(/^id-token: /, "")}.` });
      return;
    }
    const controller = new AbortController();
    inFlight.current = controller;
    setState({ status: "checking" });
    try {
      const result = await inspectInBrowser(parsed.input, controller.signal);
      if (!controller.signal.aborted) setState({ status: "done", result });
    } catch (error) {
      // An abort means a newer inspection replaced this one.
      if (!controller.signal.aborted) setState({ status: "error", message: `The inspection stopped unexpectedly (${error instanceof Error ? error.message : String(error)}). Reload the page and try again.` });
    }
  }, []);

  useEffect(() => () => inFlight.current?.abort(), []);

  // Back from the mock IdP with ?code&state: out of the address bar (and history) first, then redeemed.
  useEffect(() => {
    if (!syncUrl) return;
    const callback = new URL(window.location.href);
    if (demoCallbackState(callback) === null) return;
    window.history.replaceState(null, "", callback.pathname);
    setState({ status: "checking" });
    void completeDemoSignIn(callback).then((outcome) => {
      if (!outcome.ok) {
        setState({ status: "error", message: outcome.message });
        return;
      }
      const { token, issuer, clientId, nonce } = outcome.result;
      const values: Fields = { ...emptyFields, token, issuer, clientId, nonce };
      setFields(values);
      setScenario(scenarioOf(callback.origin, issuer));
      void inspect(values);
    });
  }, [syncUrl, inspect]);

  function update(name: keyof Fields, value: string) {
    setFields((current) => ({ ...current, [name]: value }));
    // A result that no longer belongs to the token shown would mislead; drop it with the token.
    if (name === "token") setState((current) => (current.status === "done" ? { status: "idle" } : current));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void inspect(fields);
  }

  const onSignInError = useCallback((message: string) => setState({ status: "error", message }), []);

  return (
    <div className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      {syncUrl ? (
        <GetToken origin={origin} scenario={scenario} onScenario={setScenario} onError={onSignInError} />
      ) : (
        <p className="mb-4 text-sm text-zinc-700 dark:text-zinc-300">
          No token at hand?{" "}
          <Link href={toolUrl("id-token")} className="text-link">
            Get a token
          </Link>{" "}
          from the bundled mock IdP on the inspector&apos;s own page.
        </p>
      )}
      <form onSubmit={onSubmit} className="space-y-4">
        <div>
          <label htmlFor={tokenId} className="block text-sm font-medium">
            id_token
          </label>
          <textarea
            id={tokenId}
            value={fields.token}
            onChange={(event) => update("token", event.target.value)}
            required
            rows={5}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck={false}
            data-gramm="false"
            aria-describedby={tokenHintId}
            placeholder="eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLiJ9.eyJpc3MiOi4uLn0.c2lnbmF0dXJl"
            className={`${inputClass} break-all`}
          />
          <p id={tokenHintId} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Decoded and verified in this browser. The token is never sent anywhere, put in the URL or stored: only its issuer goes to this site&apos;s discovery and JWKS checks, to fetch the public keys.
          </p>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor={issuerId} className="block text-sm font-medium">
              Expected issuer <span className="font-normal text-zinc-600 dark:text-zinc-400">(optional)</span>
            </label>
            <input id={issuerId} type="text" inputMode="url" value={fields.issuer} onChange={(event) => update("issuer", event.target.value)} autoComplete="off" spellCheck={false} placeholder="the token's own iss" className={inputClass} />
          </div>
          <div>
            <label htmlFor={clientIdId} className="block text-sm font-medium">
              client_id <span className="font-normal text-zinc-600 dark:text-zinc-400">(optional)</span>
            </label>
            <input id={clientIdId} type="text" value={fields.clientId} onChange={(event) => update("clientId", event.target.value)} autoComplete="off" spellCheck={false} className={inputClass} />
          </div>
          <div>
            <label htmlFor={nonceId} className="block text-sm font-medium">
              Expected nonce <span className="font-normal text-zinc-600 dark:text-zinc-400">(optional)</span>
            </label>
            <input id={nonceId} type="text" value={fields.nonce} onChange={(event) => update("nonce", event.target.value)} autoComplete="off" spellCheck={false} className={inputClass} />
          </div>
          <div>
            <label htmlFor={skewId} className="block text-sm font-medium">
              Clock tolerance in seconds
            </label>
            <input id={skewId} type="number" min={0} max={maxClockSkewSeconds} step={1} value={fields.skew} onChange={(event) => update("skew", event.target.value)} className={inputClass} />
          </div>
        </div>
        <button type="submit" className={buttonClass}>
          Inspect token
        </button>
      </form>
      <ToolStatus state={state} describe={describeResult} />
      {state.status === "done" && <InspectorResult result={state.result} />}
    </div>
  );
}
