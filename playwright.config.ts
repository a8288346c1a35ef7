import { defineConfig, devices } from "@playwright/test";
// @ts-expect-error: plain ESM helper without type declarations
import { findChromium } from "./scripts/ensure-browser.mjs";

function definedEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 30_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: findChromium(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: /responsive\.spec\.ts/ },
    { name: "phone", use: { ...devices["Pixel 7"], channel: undefined }, testMatch: /responsive\.spec\.ts/ },
  ],
  webServer: {
    // The suite runs against the production build (`npm run build` first), like users get it.
    command: `npx next start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/api/entries`,
    reuseExistingServer: false,
    // The whole suite runs from one address; the per-client budget of a public deployment would
    // throttle it. Each diagnostics spec sends its own X-Forwarded-For per test, standing in for
    // one trusted proxy (TRUST_PROXY_HOPS=1), so each test is a client of its own.
    env: { ...definedEnv(), DIAGNOSTICS_RATE_LIMIT: "10000", DIAGNOSTICS_MAX_CONCURRENCY: "100", TRUST_PROXY_HOPS: "1", SEARCH_RATE_LIMIT: "10000", MOCK_IDP_USER_CODE_RATE_LIMIT: "10000" },
    timeout: 60_000,
  },
});
