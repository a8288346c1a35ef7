"use client";

// The JWKS check: an issuer (or a JWKS URL) and optionally a token's header in; the published
// keys and the findings out. A pasted token is cut down to its protected header in the browser
// (token-header.ts) before it reaches the URL or the API: claims never leave the page.
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { mockIdpIssuer } from "@/lib/mock-idp/paths";
import { mockIdpScenarios } from "@/lib/mock-idp/scenarios";
import { FindingsTable, summarizeFindings } from "./findings-table";
import { KeysTable } from "./keys-table";
import { ScenarioPicker, type ScenarioPick } from "./scenario-picker";
import { toTokenHeaderParam } from "./token-header";
import { ToolStatus } from "./tool-status";
import { jwksResponseSchema, responseParser, type JwksResponse } from "./tool-responses";
import { useOrigin } from "./use-origin";
import { useToolQuery } from "./use-tool-query";
import { buttonClass, inputClass } from "./widget-styles";
import { TextField } from "./text-field";

export type JwksWidgetProps = {
  /** Keep the input in the page URL (the tool's own page), or in the widget (embedded in an entry). */
  syncUrl?: boolean;
};

type KeySource = "issuer" | "jwks_uri";

const queryKeys = ["issuer", "jwks_uri", "token"] as const;
const parseJwks = responseParser(jwksResponseSchema);

// Token headers the picker fills in, so picking another scenario can clear one it put there.
const scenarioTokenHeaders = new Set(mockIdpScenarios.flatMap((scenario) => ("tokenHeader" in scenario ? [JSON.stringify(scenario.tokenHeader)] : [])));

function describeResult(result: JwksResponse): string {
  const listed = `${result.keys.length} ${result.keys.length === 1 ? "key" : "keys"} listed`;
  return `${listed}${result.ok ? "" : ", and some checks failed"}: ${summarizeFindings(result.checks)}.`;
}

function TokenSummary({ token }: { token: NonNullable<JwksResponse["token"]> }) {
  const parts = (["alg", "kid", "typ"] as const).flatMap((name) => {
    const value = token[name];
    return value === undefined ? [] : [`${name} ${value}`];
  });
  return (
    <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
      Token header checked: <span className="font-mono [overflow-wrap:anywhere]">{parts.length > 0 ? parts.join(" · ") : "no alg, kid or typ"}</span>
    </p>
  );
}

function JwksResult({ result }: { result: JwksResponse }) {
  return (
    <div data-testid="jwks-result">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        {result.jwks_uri ? (
          <>
            Key set: <code className="font-mono [overflow-wrap:anywhere]">{result.jwks_uri}</code>
          </>
        ) : (
          "No JWKS URL was found, so no keys could be listed."
        )}
      </p>
      {result.token && <TokenSummary token={result.token} />}
      {result.keys.length > 0 ? (
        <KeysTable keys={result.keys} caption={`Keys published at ${result.jwks_uri ?? "the key set"}`} />
      ) : (
        result.jwks_uri && <p className="mt-2 text-sm">The key set lists no keys.</p>
      )}
      <FindingsTable checks={result.checks} caption="JWKS checks" />
    </div>
  );
}

export function JwksWidget({ syncUrl = true }: JwksWidgetProps) {
  const origin = useOrigin();
  const { query, state, submit } = useToolQuery({ tool: "jwks", keys: queryKeys, parse: parseJwks, syncUrl });
  const [source, setSource] = useState<KeySource>("issuer");
  const [url, setUrl] = useState("");
  const [token, setToken] = useState("");
  const [tokenError, setTokenError] = useState<string | null>(null);
  const [decodedWholeToken, setDecodedWholeToken] = useState(false);
  const tokenInput = useRef<HTMLInputElement>(null);
  const sourceName = useId();
  const tokenId = useId();
  const tokenHintId = useId();
  const tokenErrorId = useId();

  // Input from the URL (on arrival or on going back) fills the form; without any, the mock IdP.
  useEffect(() => {
    if (query) {
      setSource(query.jwks_uri ? "jwks_uri" : "issuer");
      setUrl(query.jwks_uri ?? query.issuer ?? "");
      setToken(query.token ?? "");
    } else if (origin) {
      setSource("issuer");
      setUrl(mockIdpIssuer(origin));
      setToken("");
    }
    setTokenError(null);
  }, [query, origin]);

  function onPick(pick: ScenarioPick) {
    const header = pick.scenario && "tokenHeader" in pick.scenario ? JSON.stringify(pick.scenario.tokenHeader) : undefined;
    setSource("issuer");
    setUrl(pick.issuer);
    setToken((current) => header ?? (scenarioTokenHeaders.has(current) ? "" : current));
    setTokenError(null);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const header = toTokenHeaderParam(token);
    if (!header.ok) {
      setTokenError(header.message);
      tokenInput.current?.focus();
      return;
    }
    setTokenError(null);
    setDecodedWholeToken(header.fromWholeToken);
    // The field keeps only what is sent: a pasted token's claims leave the page's state here.
    setToken(header.value ?? "");
    const target = url.trim();
    submit(source === "issuer" ? { issuer: target, token: header.value } : { jwks_uri: target, token: header.value });
  }

  return (
    <div className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <form onSubmit={onSubmit} className="space-y-4">
        <fieldset>
          <legend className="text-sm font-medium">Find the keys through</legend>
          <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" name={sourceName} value="issuer" checked={source === "issuer"} onChange={() => setSource("issuer")} />
              the issuer&apos;s discovery document
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name={sourceName} value="jwks_uri" checked={source === "jwks_uri"} onChange={() => setSource("jwks_uri")} />
              a JWKS URL
            </label>
          </div>
        </fieldset>
        <TextField label={source === "issuer" ? "Issuer" : "JWKS URL"} url value={url} onChange={setUrl} />
        <ScenarioPicker origin={origin} issuer={source === "issuer" ? url : ""} onPick={onPick} />
        <div>
          <label htmlFor={tokenId} className="block text-sm font-medium">
            Token or token header <span className="font-normal text-zinc-600 dark:text-zinc-400">(optional)</span>
          </label>
          <input
            ref={tokenInput}
            id={tokenId}
            type="text"
            value={token}
            onChange={(event) => {
              setToken(event.target.value);
              setDecodedWholeToken(false);
            }}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={tokenError ? true : undefined}
            aria-describedby={tokenError ? `${tokenErrorId} ${tokenHintId}` : tokenHintId}
            placeholder='eyJhbGciOi… or {"alg":"RS256","kid":"…"}'
            className={inputClass}
          />
          {tokenError && (
            <p id={tokenErrorId} className="mt-1 text-sm font-medium text-red-700 dark:text-red-300">
              {tokenError}
            </p>
          )}
          <p id={tokenHintId} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Checks whether the token&apos;s <code className="font-mono">kid</code> and <code className="font-mono">alg</code> match a published key.
            A whole token is decoded in your browser and only its protected header goes into the URL and to the server:
            the claims and the signature stay in your browser.
            {decodedWholeToken && " The token you pasted was decoded here; only the header above was sent."}
          </p>
        </div>
        <button type="submit" className={buttonClass}>
          List keys
        </button>
      </form>
      <ToolStatus state={state} describe={describeResult} />
      {state.status === "done" && <JwksResult result={state.result} />}
    </div>
  );
}
