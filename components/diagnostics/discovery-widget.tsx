"use client";

// The discovery check: an issuer in, its findings and discovery document out. The issuer is
// in the URL (`?issuer=…`) on the tool's own page; it defaults to the bundled mock IdP.
import { useEffect, useState, type FormEvent } from "react";
import { mockIdpIssuer } from "@/lib/mock-idp/paths";
import { FindingsTable, summarizeFindings } from "./findings-table";
import { ScenarioPicker, type ScenarioPick } from "./scenario-picker";
import { ToolStatus } from "./tool-status";
import { discoveryResponseSchema, responseParser, type DiscoveryResponse } from "./tool-responses";
import { useOrigin } from "./use-origin";
import { useToolQuery } from "./use-tool-query";
import { TextField } from "./text-field";
import { buttonClass } from "./widget-styles";

export type DiscoveryWidgetProps = {
  /** Keep the input in the page URL (the tool's own page), or in the widget (embedded in an entry). */
  syncUrl?: boolean;
};

const queryKeys = ["issuer"] as const;
const parseDiscovery = responseParser(discoveryResponseSchema);

function describeResult(result: DiscoveryResponse): string {
  const verdict = result.ok ? "No check failed" : "Some checks failed";
  return `${verdict} for ${result.issuer}: ${summarizeFindings(result.checks)}.`;
}

function DiscoveryResult({ result }: { result: DiscoveryResponse }) {
  return (
    <div data-testid="discovery-result">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Discovery document: <code className="font-mono [overflow-wrap:anywhere]">{result.discovery_url}</code>
      </p>
      <FindingsTable checks={result.checks} caption={`Discovery checks for ${result.issuer}`} />
      {result.metadata && (
        <details className="mt-4 rounded-lg border border-zinc-200 dark:border-zinc-800">
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium">Discovery document as served (JSON)</summary>
          <pre tabIndex={0} className="max-h-96 overflow-auto border-t border-zinc-200 p-3 font-mono text-xs dark:border-zinc-800">
            {JSON.stringify(result.metadata, null, 2)}
          </pre>
        </details>
      )}
    </div>
  );
}

export function DiscoveryWidget({ syncUrl = true }: DiscoveryWidgetProps) {
  const origin = useOrigin();
  const { query, state, submit } = useToolQuery({ tool: "discovery", keys: queryKeys, parse: parseDiscovery, syncUrl });
  const [issuer, setIssuer] = useState("");

  // Input from the URL (on arrival or on going back) fills the form; without any, the mock IdP.
  useEffect(() => {
    if (query) setIssuer(query.issuer ?? "");
    else if (origin) setIssuer(mockIdpIssuer(origin));
  }, [query, origin]);

  function onPick(pick: ScenarioPick) {
    setIssuer(pick.issuer);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit({ issuer: issuer.trim() });
  }

  return (
    <div className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <form onSubmit={onSubmit} className="space-y-4">
        <TextField
          label="Issuer"
          name="issuer"
          url
          value={issuer}
          onChange={setIssuer}
          hint={
            <>
              The issuer URL exactly as your RP is configured with it; the check fetches its <code className="font-mono">/.well-known/openid-configuration</code>.
            </>
          }
        />
        <ScenarioPicker origin={origin} issuer={issuer} onPick={onPick} />
        <button type="submit" className={buttonClass}>
          Check discovery
        </button>
      </form>
      <ToolStatus state={state} describe={describeResult} />
      {state.status === "done" && <DiscoveryResult result={state.result} />}
    </div>
  );
}
