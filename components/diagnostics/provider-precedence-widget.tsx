"use client";

// The provider precedence calculator: the console setting, the raw `provider` value and the
// environment's methods in; the four stages out, each explained, with the row of the
// login-method table it matches. Computed in the browser by the same pure function the mock
// IdP's login screen uses, so there is nothing to send. On the tool's own page the state is in
// the URL (`?base=…&provider=…&available=…`); each change is a history entry.
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import { checkProviderPrecedenceInput, isLoginMethod, loginMethodLabels, loginMethods, precedenceTableRows, type LoginMethod } from "@/lib/diagnostics/provider-precedence";
import { withQuery } from "@/lib/urls";
import { FindingsTable } from "./findings-table";
import { useOrigin } from "./use-origin";
import { buttonClass, inputClass } from "./widget-styles";

export type ProviderPrecedenceWidgetProps = { syncUrl?: boolean };

type CalculatorState = { base: LoginMethod[]; provider: string; available: LoginMethod[] };

/** `none` in the URL stands for an empty list, which an empty query parameter cannot say. */
const emptyList = "none";

function readList(value: string | null, fallback: LoginMethod[]): LoginMethod[] {
  if (value === null) return fallback;
  if (value === emptyList) return [];
  return value.split(",").map((item) => item.trim().toLowerCase()).filter(isLoginMethod);
}

/** The environment's list for the URL: absent when every method is available. */
function writeList(methods: readonly LoginMethod[]): string | undefined {
  if (methods.length === loginMethods.length) return undefined;
  return methods.length === 0 ? emptyList : methods.join(",");
}

function toQuery(state: CalculatorState) {
  return { base: state.base.length > 0 ? state.base.join(",") : undefined, provider: state.provider || undefined, available: writeList(state.available) };
}

function MethodBoxes({ legend, hint, selected, onChange }: { legend: string; hint: string; selected: readonly LoginMethod[]; onChange: (methods: LoginMethod[]) => void }) {
  const hintId = useId();
  return (
    <fieldset aria-describedby={hintId}>
      <legend className="text-sm font-medium">{legend}</legend>
      <p id={hintId} className="text-sm text-zinc-600 dark:text-zinc-400">{hint}</p>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {loginMethods.map((method) => (
          <label key={method} className="flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={selected.includes(method)}
              onChange={(event) => onChange(loginMethods.filter((item) => (item === method ? event.target.checked : selected.includes(item))))}
            />
            {loginMethodLabels[method].name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Stage({ name, methods, note }: { name: string; methods: readonly string[]; note?: string }) {
  return (
    <li className="rounded-lg border border-zinc-200 p-2 dark:border-zinc-800">
      <span className="font-medium">{name}:</span> <span className="font-mono" data-stage={name.toLowerCase()}>{methods.length > 0 ? methods.join(", ") : "(none)"}</span>
      {note && <span className="block text-zinc-700 dark:text-zinc-300">{note}</span>}
    </li>
  );
}

export function ProviderPrecedenceWidget({ syncUrl = true }: ProviderPrecedenceWidgetProps) {
  const origin = useOrigin();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const fromUrl = useMemo<CalculatorState>(
    () => ({ base: readList(searchParams.get("base"), []), provider: searchParams.get("provider") ?? "", available: readList(searchParams.get("available"), [...loginMethods]) }),
    [searchParams],
  );
  // What the form shows: set at once on every change, and replaced by the URL's state whenever that
  // changes (arrival, going back), since useSearchParams sees a pushState only a moment later.
  const [state, setState] = useState<CalculatorState>(syncUrl ? fromUrl : { base: [], provider: "", available: [...loginMethods] });
  useEffect(() => {
    if (syncUrl) setState(fromUrl);
  }, [fromUrl, syncUrl]);
  const [providerDraft, setProviderDraft] = useState<string | null>(null);
  const providerId = useId();
  const providerHintId = useId();

  // Quick successive changes (a blur, then a submit; two checkboxes) merge into the latest state.
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  }, [state]);
  // The field shows what is typed until the state (the URL, e.g. after going back) says otherwise.
  useEffect(() => {
    setProviderDraft(null);
  }, [state.provider]);

  function update(next: Partial<CalculatorState>) {
    const merged = { ...latest.current, ...next };
    latest.current = merged;
    setState(merged);
    if (!syncUrl) return;
    const target = withQuery(pathname, toQuery(merged));
    // The same state again (a blur followed by a submit) is not a new history entry.
    if (target !== `${window.location.pathname}${window.location.search}`) window.history.pushState(null, "", target);
  }

  const result = useMemo(
    () => checkProviderPrecedenceInput({ base: state.base, provider: state.provider, available: state.available, ...(origin ? { origin } : {}) }),
    [state, origin],
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update({ provider: (providerDraft ?? latest.current.provider).trim() });
  }

  return (
    <div className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <form onSubmit={onSubmit} className="space-y-4">
        <MethodBoxes legend="Console setting (base)" hint={`The app's login-method restriction; none checked allows every method. logi app stands for ${loginMethodLabels.app.covers}.`} selected={state.base} onChange={(base) => update({ base })} />
        <div>
          <label htmlFor={providerId} className="block text-sm font-medium">
            provider parameter
          </label>
          <input
            id={providerId}
            name="provider"
            type="text"
            value={providerDraft ?? state.provider}
            onChange={(event) => setProviderDraft(event.target.value)}
            onBlur={() => providerDraft !== null && update({ provider: providerDraft.trim() })}
            autoComplete="off"
            spellCheck={false}
            placeholder="e.g. google or apple,google"
            aria-describedby={providerHintId}
            className={inputClass}
          />
          <p id={providerHintId} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Exactly as the RP sends it on the authorize request: comma-separated keys; invalid values are ignored.
          </p>
        </div>
        <MethodBoxes legend="Available in this environment" hint={`Methods the environment can render (Kakao ${loginMethodLabels.kakao.covers}).`} selected={state.available} onChange={(available) => update({ available })} />
        <button type="submit" className={buttonClass}>
          Calculate
        </button>
      </form>

      <p aria-live="polite" className="sr-only">
        The login screen shows {result.renderable.join(", ")}{result.row === null ? "" : `, as in row ${result.row} of the table`}.
      </p>
      <div className="mt-4" data-testid="precedence-result">
        <ol className="space-y-2 text-sm">
          <Stage name="Base" methods={result.base} />
          <Stage name="Requested" methods={result.requested} note={result.ignored.length > 0 ? `Ignored (not login method keys): ${result.ignored.join(", ")}` : undefined} />
          <Stage name="Effective" methods={result.effective} />
          <Stage name="Renderable" methods={result.renderable} note={result.message ?? undefined} />
        </ol>
        <h2 className="mt-4 text-base font-semibold">Why</h2>
        <ol className="mt-1 list-decimal space-y-1 pl-6 text-sm">
          {result.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        <div className="relative mt-4 overflow-x-auto" tabIndex={0}>
          <table className="w-full text-left text-sm">
            <caption className="text-left font-semibold">The precedence table{result.row === null ? " (this case is none of its rows)" : `: this case is row ${result.row}`}</caption>
            <thead>
              <tr>
                <th scope="col" className="p-1">Console setting</th>
                <th scope="col" className="p-1">provider</th>
                <th scope="col" className="p-1">Shown</th>
                <th scope="col" className="p-1">Why</th>
              </tr>
            </thead>
            <tbody>
              {precedenceTableRows.map((row) => (
                <tr key={row.row} data-row={row.row} aria-current={row.row === result.row ? "true" : undefined} className={row.row === result.row ? "bg-amber-100 font-semibold dark:bg-amber-950" : undefined}>
                  <td className="p-1 font-mono">{row.base}</td>
                  <td className="p-1 font-mono">{row.provider}</td>
                  <td className="p-1">{row.shown}</td>
                  <td className="p-1">{row.why}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {result.authorize_url && (
          <p className="mt-4 text-sm">
            <a href={result.authorize_url} target="_blank" rel="noopener" className="text-link" data-testid="precedence-authorize">
              Open the bundled IdP&apos;s login screen with this provider
            </a>{" "}
            (its demo client allows every method, so the screen shows what <code className="font-mono">provider</code> does under an all-methods base).
          </p>
        )}
        <FindingsTable checks={result.checks} caption="Precedence findings" />
      </div>
    </div>
  );
}
