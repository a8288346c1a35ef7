// The mock IdP, the catalogue and search must tell one story: for each failure the mock
// reproduces, the response carries a status and error code that the explaining entry lists, and
// pasting what the mock answered into search finds that entry first. A reworded entry, a changed
// mock response or a ranking change that breaks this chain fails here.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getCatalogue } from "@/lib/content/catalogue.server";
import type { Catalogue } from "@/lib/content/entry";
import { searchIndex, type SearchIndex } from "@/lib/search/index";
import { getSearchIndex } from "@/lib/search/index.server";
import { startMockIdp, submitLogin, type MockIdpServer } from "./harness";
import { authorizeUrl, basic, getCode, newVerifier, pollDevice, postForm, redeem, requestDeviceCode, webClient } from "./helpers";

vi.mock("server-only", () => ({}));

let server: MockIdpServer;
let catalogue: Catalogue;
let index: SearchIndex;

beforeAll(async () => {
  server = await startMockIdp();
  catalogue = await getCatalogue();
  index = await getSearchIndex();
}, 120_000);
afterAll(() => server.close());

/** What a developer would paste: the JSON body, or the callback / error-page URL for redirects. */
type Observed = { status: number; error: string; paste: string };

async function fromJson(response: Response): Promise<Observed> {
  const paste = await response.text();
  const body: unknown = JSON.parse(paste);
  const error = typeof body === "object" && body !== null && "error" in body && typeof body.error === "string" ? body.error : "";
  return { status: response.status, error, paste };
}

function fromRedirect(response: Response): Observed {
  const location = response.headers.get("location") ?? "";
  return { status: response.status, error: new URL(location).searchParams.get("error") ?? "", paste: location };
}

async function startDevice(): Promise<string> {
  const body: { device_code: string } = await (await requestDeviceCode(server)).json();
  return body.device_code;
}

const reproductions: Array<[slug: string, reproduce: () => Promise<Observed>]> = [
  [
    "invalid-client",
    async () => {
      const { code, verifier } = await getCode(server);
      return fromJson(
        await postForm(`${server.issuer}/oauth/token`, { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: webClient.redirectUri }, { authorization: basic(webClient.id, "not-the-secret") }),
      );
    },
  ],
  [
    "redirect-uri-not-registered",
    async () => fromJson(await fetch(authorizeUrl(server, { code_challenge: newVerifier().challenge, redirect_uri: "https://unrelated.example.net/cb" }), { redirect: "manual" })),
  ],
  [
    "redirect-uri-mismatch",
    async () => fromRedirect(await fetch(authorizeUrl(server, { code_challenge: newVerifier().challenge, redirect_uri: `${webClient.redirectUri}/` }), { redirect: "manual" })),
  ],
  [
    "authorization-code-expired",
    async () => {
      const { code, verifier } = await getCode(server);
      server.advance(10 * 60 * 1000 + 1000);
      return fromJson(await redeem(server, code, verifier));
    },
  ],
  [
    "device-slow-down",
    async () => {
      const deviceCode = await startDevice();
      await pollDevice(server, deviceCode);
      return fromJson(await pollDevice(server, deviceCode));
    },
  ],
  [
    "device-code-expired",
    async () => {
      const deviceCode = await startDevice();
      server.advance(10 * 60 * 1000 + 1000);
      return fromJson(await pollDevice(server, deviceCode));
    },
  ],
  [
    "anonymous-not-allowed",
    async () => {
      const url = authorizeUrl(server, { client_id: "logi_demo_identified_only", code_challenge: newVerifier().challenge });
      return fromJson(await submitLogin(server, url, { method: "app", account: "anonymous", accept: "application/json" }));
    },
  ],
];

describe("what the mock IdP answers matches the entry that explains it", () => {
  it.each(reproductions)("%s", async (slug, reproduce) => {
    const entry = catalogue.bySlug.get(slug);
    expect(entry, `entry ${slug}`).toBeDefined();
    const observed = await reproduce();

    expect(entry?.http, `HTTP status ${observed.status} is listed by ${slug}`).toContain(observed.status);
    expect(entry?.codes, `error ${observed.error} is listed by ${slug}`).toContain(observed.error);

    const [first] = searchIndex(index, observed.paste, { limit: 3 }).results;
    expect(first?.slug, `search for the pasted response:\n${observed.paste}`).toBe(slug);
  });
});
