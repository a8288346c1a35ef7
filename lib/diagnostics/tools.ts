// The diagnostic tools the site offers, keyed by the widget ids of the content schema. Data
// only (browser-safe): pages, the header of each widget, the CLI's help and the MCP server
// read titles and summaries from here.
import type { WidgetId } from "@/lib/content/schema";

export type DiagnosticToolInfo = {
  id: WidgetId;
  title: string;
  /** One line: what the tool answers. */
  summary: string;
  /** False while the tool is announced in content but not built yet. */
  available: boolean;
};

export const diagnosticTools: readonly DiagnosticToolInfo[] = [
  { id: "discovery", title: "Discovery check", summary: "Fetches an issuer's OpenID Connect discovery document and checks it the way RP libraries and the conformance suite do.", available: true },
  { id: "jwks", title: "JWKS key listing", summary: "Lists the keys an issuer publishes (kid, type, algorithm, size, thumbprint), flags unsafe or broken keys, and says whether a token's kid resolves.", available: true },
  { id: "error-lookup", title: "Error-code lookup", summary: "Paste an error body, callback URL, header or log line: what it says, what the code means and which entry fixes it.", available: true },
  { id: "provider-precedence", title: "provider precedence calculator", summary: "Which login buttons the login screen shows for a console setting, a provider parameter and an environment.", available: true },
  { id: "redirect-uri", title: "redirect_uri checker", summary: "Compares a requested redirect_uri with the registered ones and names every difference.", available: true },
  { id: "id-token", title: "id_token inspector", summary: "Decodes and verifies an id_token in your browser; the token never leaves the page.", available: true },
];

export function findDiagnosticTool(id: string): DiagnosticToolInfo | undefined {
  return diagnosticTools.find((tool) => tool.id === id);
}
