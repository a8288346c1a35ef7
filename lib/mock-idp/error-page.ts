// What the IdP's own error page (/mock-idp/error) says. The authorization endpoint sends the
// browser here instead of to an untrusted redirect_uri. Pure: the page only renders this.
import { describeRedirectUriDifferenceCode, isRedirectUriDifferenceCode } from "@/lib/diagnostics/redirect-uri-match";

export type ErrorPageInput = {
  error?: string;
  description?: string;
  clientId?: string;
  redirectUri?: string;
  registered?: string;
  difference?: string;
};

export type ErrorPage = {
  title: string;
  error: string;
  description: string | null;
  rows: Array<{ label: string; value: string }>;
  differences: string[];
  /** Catalogue entry slug that explains this error. */
  entry: string | null;
};

const cap = (value: string | undefined) => (value === undefined ? undefined : value.slice(0, 2000));

export function describeErrorPage(input: ErrorPageInput): ErrorPage {
  const error = cap(input.error) ?? "unknown_error";
  const rows: Array<{ label: string; value: string }> = [];
  if (input.clientId) rows.push({ label: "client_id", value: cap(input.clientId) ?? "" });
  if (input.redirectUri) rows.push({ label: "redirect_uri sent", value: cap(input.redirectUri) ?? "" });
  if (input.registered) rows.push({ label: "closest registered", value: cap(input.registered) ?? "" });
  const differences = (input.difference ?? "").split(",").filter(isRedirectUriDifferenceCode).map((difference) => {
    const text = describeRedirectUriDifferenceCode(difference);
    return text.charAt(0).toUpperCase() + text.slice(1);
  });
  const isMismatch = error === "redirect_uri_mismatch";
  return {
    title: isMismatch ? "The redirect_uri does not match" : "Sign-in cannot continue",
    error,
    description: cap(input.description) ?? null,
    rows,
    differences,
    entry: isMismatch ? "redirect-uri-mismatch" : null,
  };
}
