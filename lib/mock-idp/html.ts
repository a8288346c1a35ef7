// Minimal HTML documents for the few responses that must keep a non-200 status while a browser
// shows them (the 403 anonymous_not_allowed screen) and for the embed endpoint placeholder.
// They carry no script, and their one inline style is allowed by its hash (a unit test recomputes it).
import { buildDocumentCsp } from "@/lib/http/security-headers";

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export const documentStyle =
  "body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#111}" +
  "pre{background:#f4f4f5;padding:1rem;overflow:auto;border-radius:.5rem;font-size:.85rem}" +
  "a.button{display:inline-block;background:#111;color:#fff;padding:.5rem 1rem;border-radius:.5rem;text-decoration:none}" +
  "@media (prefers-color-scheme:dark){body{background:#111;color:#eee}pre{background:#222}a.button{background:#eee;color:#111}}";

export const documentStyleHash = "sha256-SMAa7UXCeyzhojdz27ItqSpPfLeCP6csrKxWjJYwsu0=";

export function htmlDocument(title: string, body: string, status: number, headers?: HeadersInit): Response {
  const all = new Headers(headers);
  all.set("Content-Type", "text/html; charset=utf-8");
  all.set("Cache-Control", "no-store");
  all.set("Content-Security-Policy", buildDocumentCsp({ styleHashes: [documentStyleHash] }));
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${documentStyle}</style></head><body>${body}</body></html>`;
  return new Response(html, { status, headers: all });
}
