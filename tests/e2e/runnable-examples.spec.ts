// Every code block the catalogue marks runnable, run with real bash, curl and jq against the built
// site and its bundled mock IdP, must print what its `# expect:` lines say (content/README.md,
// "Runnable examples"). One test per block, named after the entry, the block and its section.
import { expect, test } from "@playwright/test";
import { judgeExampleRun } from "../../lib/content/runnable";
import { listCatalogueExamples, runExample } from "./support/example-runner";

const { entries } = listCatalogueExamples();

test("the catalogue has runnable examples to check", () => {
  expect(entries.length).toBeGreaterThan(0);
});

test("an entry labels its reproduce-it steps, on the page and in its Markdown, without the fence flags", async ({ page, request }) => {
  const slug = "web-surface-redirect-uri-missing";
  await page.goto(`/troubleshooting/${slug}`);
  await expect(page.locator("p[data-reproduce]")).toHaveText(["Reproduce it: the failing request", "Reproduce it: the fixed request"]);
  await expect(page.locator("article")).not.toContainText("runnable");
  const markdown = await (await request.get(`/troubleshooting/${slug}.md`)).text();
  expect(markdown).toContain("**Reproduce it:** the failing request\n\n```bash\nISSUER=http://localhost:3000/mock-idp");
  expect(markdown).toContain("**Reproduce it:** the fixed request\n\n```bash\n");
  expect(markdown).not.toContain("runnable");
});

for (const entry of entries) {
  for (const example of entry.examples) {
    test(`${entry.slug}: block ${example.block} (${example.section})`, async ({ baseURL }) => {
      if (baseURL === undefined) throw new Error("playwright.config.ts must set use.baseURL (the server under test)");
      const run = await runExample(example.code, { target: baseURL, callerId: `runnable-${entry.slug}-${example.block}` });
      const verdict = judgeExampleRun(entry, example, run);
      expect(verdict.ok, verdict.ok ? undefined : verdict.message).toBe(true);
    });
  }
}
