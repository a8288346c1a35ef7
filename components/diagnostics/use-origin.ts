"use client";

// The page's origin (`http://127.0.0.1:3100`), for issuers of the bundled mock IdP. Pages are
// static, so the server render has no origin: it renders "" and hydration fills in the real one.
import { useSyncExternalStore } from "react";

function subscribe(): () => void {
  // The origin never changes while a page is open.
  return () => undefined;
}

export function useOrigin(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => "",
  );
}
