"use client";

// Loads a widget's code only where a widget is shown, after the page is interactive: entry
// pages share one bundle, and most entries embed no widget (or only tools not built yet), so
// importing the widgets statically would put them in every entry's first load. Rendered in the
// browser only: the input comes from the URL, which a static page does not know. (React.lazy
// rather than next/dynamic: the same split, without next/dynamic's runtime on every entry page.)
import { lazy, Suspense, useSyncExternalStore, type ComponentType } from "react";
import type { WidgetId } from "@/lib/content/schema";

type WidgetProps = { syncUrl?: boolean };

/** Sets zod's browser configuration before a widget's code runs (zod-jitless.ts says why). */
function load<T>(importWidget: () => Promise<T>): () => Promise<T> {
  return () => import("./zod-jitless").then(importWidget);
}

const widgets: Partial<Record<WidgetId, ComponentType<WidgetProps>>> = {
  discovery: lazy(load(() => import("./discovery-widget").then((module) => ({ default: module.DiscoveryWidget })))),
  jwks: lazy(load(() => import("./jwks-widget").then((module) => ({ default: module.JwksWidget })))),
  "error-lookup": lazy(load(() => import("./error-lookup-widget").then((module) => ({ default: module.ErrorLookupWidget })))),
  "provider-precedence": lazy(load(() => import("./provider-precedence-widget").then((module) => ({ default: module.ProviderPrecedenceWidget })))),
  "redirect-uri": lazy(load(() => import("./redirect-uri-widget").then((module) => ({ default: module.RedirectUriWidget })))),
  "id-token": lazy(load(() => import("./id-token-widget").then((module) => ({ default: module.IdTokenWidget })))),
};

function subscribe(): () => void {
  return () => undefined;
}

function Loading() {
  return <p className="min-h-72 rounded-lg border border-zinc-200 p-4 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">Loading the check…</p>;
}

export function LazyWidget({ id, syncUrl }: { id: WidgetId; syncUrl: boolean }) {
  // False in the static HTML and during hydration, true once the page runs in the browser.
  const inBrowser = useSyncExternalStore(subscribe, () => true, () => false);
  const Widget = widgets[id];
  if (!Widget) return <p className="text-sm text-zinc-700 dark:text-zinc-300">This check cannot be shown here yet.</p>;
  if (!inBrowser) return <Loading />;
  return (
    <Suspense fallback={<Loading />}>
      <Widget syncUrl={syncUrl} />
    </Suspense>
  );
}
