import { expect, test, type Locator, type Page } from "@playwright/test";

// Sharing an entry: copy its link or its Markdown, hand it to an assistant, and fetch it as
// Markdown by content negotiation. The assistant links are only read, never followed.

type ApiEntry = { slug: string; title: string; aliases: string[]; causes: Array<{ id: string }> };

const slug = "invalid-client";
const title = "401 invalid_client from the token endpoint";
const causeId = "secret-rotated";
const causeTitle = "The secret was rotated and the RP still sends the old one";

async function getEntries(request: import("@playwright/test").APIRequestContext): Promise<ApiEntry[]> {
  const response = await request.get("/api/entries");
  expect(response.ok()).toBe(true);
  return (await response.json()).entries;
}

/** Clicks a copy button until the page's copy handler (hydrated with the layout) reports success. */
async function copy(button: Locator) {
  await expect(async () => {
    await button.click();
    await expect(button).toHaveAttribute("data-state", "copied", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect.poll(() => shownLabel(button)).toBe("Copied");
}

/** What a copy button shows: its label, or the result its state puts over it. */
async function shownLabel(button: Locator): Promise<string> {
  return button.evaluate((element) => {
    const after = getComputedStyle(element, "::after").content;
    return after && after !== "none" && after !== "normal" ? after.replace(/^"|"$/g, "") : (element.textContent ?? "").trim();
  });
}

async function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** The public origin the page was built for (SITE_URL), as its canonical link states it. */
async function siteOrigin(page: Page): Promise<string> {
  const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
  expect(canonical, "the page has a canonical link").toMatch(/^https?:\/\//);
  return new URL(canonical ?? "").origin;
}

/** The prompt an assistant link carries, and the Markdown URL inside it. */
function assistantPrompt(href: string | null): { host: string; prompt: string; markdownUrl: string | undefined } {
  const url = new URL(href ?? "");
  const prompt = url.searchParams.get("q") ?? "";
  return { host: url.host, prompt, markdownUrl: /https?:\/\/\S+?\.md\b/.exec(prompt)?.[0] };
}

test.describe("share controls on an entry page", () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  });

  test("Copy link copies the entry's absolute URL, and that URL answers", async ({ page, request, baseURL }) => {
    await page.goto(`/troubleshooting/${slug}`);
    const button = page.getByRole("button", { name: `Copy link to ${title}` });
    await expect(button).toHaveText("Copy link", { useInnerText: true });
    await copy(button);
    const copied = await clipboard(page);
    expect(copied).toBe(`${baseURL}/troubleshooting/${slug}`);
    expect((await request.get(copied)).status()).toBe(200);
    // The button goes back to its label.
    await expect(button).toHaveText("Copy link", { useInnerText: true, timeout: 5_000 });
  });

  test("Copy as Markdown copies the entry's Markdown", async ({ page, request }) => {
    await page.goto(`/troubleshooting/${slug}`);
    await copy(page.getByRole("button", { name: `Copy as Markdown: ${title}` }));
    const markdown = await (await request.get(`/troubleshooting/${slug}.md`)).text();
    expect(markdown.startsWith(`# ${title}\n`)).toBe(true);
    expect(await clipboard(page)).toBe(markdown);
    await expect(page.getByRole("status").filter({ hasText: "Copied to clipboard" })).toBeAttached();
  });

  test("Open in ChatGPT and Open in Claude pass the entry's absolute .md URL in their prompt", async ({ page, request }) => {
    await page.goto(`/troubleshooting/${slug}`);
    const origin = await siteOrigin(page);
    const expected = `${origin}/troubleshooting/${slug}.md`;
    for (const [name, host] of [["ChatGPT", "chatgpt.com"], ["Claude", "claude.ai"]] as const) {
      const link = page.getByRole("link", { name: `Open in ${name}: ${title} (opens in a new tab)` });
      await expect(link).toHaveAttribute("target", "_blank");
      await expect(link).toHaveAttribute("rel", /noopener/);
      const prompt = assistantPrompt(await link.getAttribute("href"));
      expect(prompt.host).toBe(host);
      expect(prompt.markdownUrl).toBe(expected);
    }
    // The URL the assistant is given exists (its path, on this server).
    const markdown = await request.get(new URL(expected).pathname);
    expect(markdown.status()).toBe(200);
    expect(markdown.headers()["content-type"]).toContain("text/markdown");
  });

  test("a cause's Copy link copies its absolute anchor URL, which lands on the cause", async ({ page, baseURL }) => {
    await page.goto(`/troubleshooting/${slug}`);
    await copy(page.getByRole("button", { name: `Copy link to cause: ${causeTitle}` }));
    const copied = await clipboard(page);
    expect(copied).toBe(`${baseURL}/troubleshooting/${slug}#${slug}--${causeId}`);
    await page.goto(copied);
    await expect(page.locator(`[id="${slug}--${causeId}"]`)).toBeInViewport();
  });

  test("the catalogue has Copy link and Copy as Markdown for each entry", async ({ page, request, baseURL }) => {
    await page.goto("/troubleshooting");
    const article = page.locator(`article[id="${slug}"]`);
    await copy(article.getByRole("button", { name: `Copy link to ${title}` }));
    expect(await clipboard(page)).toBe(`${baseURL}/troubleshooting#${slug}`);
    await copy(article.getByRole("button", { name: `Copy as Markdown: ${title}` }));
    expect(await clipboard(page)).toBe(await (await request.get(`/troubleshooting/${slug}.md`)).text());
    // One page holding every entry stays light: the assistant links live on each entry's page.
    await expect(page.locator("a[data-assistant]")).toHaveCount(0);
    const entries = await getEntries(request);
    await expect(page.getByRole("button", { name: /^Copy as Markdown: / })).toHaveCount(entries.length);
  });
});

// Every entry page, in four shards so both workers share the load.
const shards = 4;
for (let shard = 0; shard < shards; shard++) {
  test(`every entry page's copy and open-in controls work (shard ${shard + 1}/${shards})`, async ({ page, context, request, baseURL }) => {
    test.setTimeout(240_000);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const entries = (await getEntries(request)).filter((_, index) => index % shards === shard);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      await page.goto(`/troubleshooting/${entry.slug}`);
      const origin = await siteOrigin(page);
      await copy(page.getByRole("button", { name: `Copy link to ${entry.title}` }));
      expect(await clipboard(page), entry.slug).toBe(`${baseURL}/troubleshooting/${entry.slug}`);
      await copy(page.getByRole("button", { name: `Copy as Markdown: ${entry.title}` }));
      const markdown = await (await request.get(`/troubleshooting/${entry.slug}.md`)).text();
      expect(await clipboard(page), entry.slug).toBe(markdown);
      for (const name of ["ChatGPT", "Claude"]) {
        const href = await page.getByRole("link", { name: `Open in ${name}: ${entry.title} (opens in a new tab)` }).getAttribute("href");
        expect(assistantPrompt(href).markdownUrl, `${entry.slug}: ${name}`).toBe(`${origin}/troubleshooting/${entry.slug}.md`);
      }
      expect(await page.locator("button[data-copy=url][data-copy-value*='#']").count(), `${entry.slug}: one cause link per cause`).toBe(entry.causes.length);
    }
  });
}

test.describe("content negotiation", () => {
  test("every entry URL answers Markdown to Accept: text/markdown and HTML when HTML weighs more", async ({ request }) => {
    test.setTimeout(120_000);
    for (const entry of await getEntries(request)) {
      const path = `/troubleshooting/${entry.slug}`;
      const markdown = await request.get(path, { headers: { Accept: "text/markdown" } });
      expect(markdown.status(), path).toBe(200);
      expect(markdown.headers()["content-type"], path).toContain("text/markdown");
      expect(markdown.headers()["vary"]?.toLowerCase(), path).toContain("accept");
      const body = await markdown.text();
      expect(body.startsWith(`# ${entry.title}\n`), path).toBe(true);
      expect(body, path).toBe(await (await request.get(`${path}.md`)).text());

      const html = await request.get(path, { headers: { Accept: "text/html,text/markdown;q=0.5" } });
      expect(html.status(), path).toBe(200);
      expect(html.headers()["content-type"], path).toContain("text/html");
    }
  });

  test("what browsers and agents send", async ({ request }) => {
    const path = `/troubleshooting/${slug}`;
    const cases: Array<[string, string]> = [
      ["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"],
      ["*/*", "text/html"],
      ["text/markdown, text/html, */*", "text/markdown"],
      ["text/html;q=0.4, text/markdown;q=0.9", "text/markdown"],
      ["text/markdown;q=oops", "text/html"],
    ];
    for (const [accept, type] of cases) {
      const response = await request.get(path, { headers: { Accept: accept } });
      expect(response.status(), accept).toBe(200);
      expect(response.headers()["content-type"], accept).toContain(type);
    }
  });

  test("a retired slug asked for as Markdown redirects (308) to the entry's Markdown", async ({ request }) => {
    const entry = (await getEntries(request)).find((candidate) => candidate.aliases.length > 0);
    if (!entry) throw new Error("no entry has an alias; the catalogue's aliases are needed for this test");
    const [alias] = entry.aliases;
    const response = await request.get(`/troubleshooting/${alias}`, { headers: { Accept: "text/markdown" }, maxRedirects: 0 });
    expect(response.status()).toBe(308);
    expect(response.headers()["location"]).toBe(`/troubleshooting/${entry.slug}.md`);
    const followed = await request.get(`/troubleshooting/${alias}`, { headers: { Accept: "text/markdown" } });
    expect((await followed.text()).startsWith(`# ${entry.title}\n`)).toBe(true);
    expect((await request.get(`/troubleshooting/${alias}.md`, { maxRedirects: 0 })).headers()["location"]).toBe(`/troubleshooting/${entry.slug}.md`);
  });

  test("a wrongly cased entry URL still redirects first", async ({ request }) => {
    const response = await request.get(`/troubleshooting/Invalid-Client`, { headers: { Accept: "text/markdown" }, maxRedirects: 0 });
    expect(response.status()).toBe(308);
    expect(response.headers()["location"]).toMatch(/\/troubleshooting\/invalid-client$/);
  });
});

test.describe("headers and metadata", () => {
  test("pages point at llms.txt with a Link header; APIs do not", async ({ request }) => {
    for (const path of ["/", "/troubleshooting", `/troubleshooting/${slug}`, `/troubleshooting/${slug}.md`, "/codes", "/codes/invalid_client", "/tools", "/llms.txt"]) {
      expect((await request.get(path)).headers()["link"], path).toBe('</llms.txt>; rel="llms-txt"');
    }
    expect((await request.get("/api/entries")).headers()["link"]).toBeUndefined();
  });

  test("llms-full.txt opens with its entry count, generation time and content hash", async ({ request }) => {
    const entries = await getEntries(request);
    const response = await request.get("/llms-full.txt");
    const text = await response.text();
    const firstLine = text.slice(0, text.indexOf("\n"));
    const match = /^Entries: (\d+) · Generated: (\S+) · SHA-256: ([0-9a-f]{64})$/.exec(firstLine);
    expect(match, firstLine).not.toBeNull();
    expect(Number(match?.[1])).toBe(entries.length);
    expect(Number.isNaN(Date.parse(match?.[2] ?? ""))).toBe(false);
    expect(response.headers()["etag"]).toBe(`"${match?.[3]}"`);
    expect(await (await request.get("/llms.txt")).text()).toContain(`SHA-256 ${match?.[3]}`);
  });

  test("entry pages state absolute canonical, OpenGraph and Markdown alternate URLs from one origin", async ({ page }) => {
    await page.goto(`/troubleshooting/${slug}`);
    const origin = await siteOrigin(page);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${origin}/troubleshooting/${slug}`);
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", `${origin}/troubleshooting/${slug}`);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", title);
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", /.+/);
    await expect(page.locator('link[rel="alternate"][type="text/markdown"]')).toHaveAttribute("href", `${origin}/troubleshooting/${slug}.md`);
  });

  test("every page type has its own absolute canonical URL and OpenGraph title", async ({ page }) => {
    for (const path of ["/", "/troubleshooting", "/codes", "/codes/invalid_client", "/tools", "/tools/discovery"]) {
      await page.goto(path);
      const origin = await siteOrigin(page);
      const expected = new URL(path, origin).href;
      const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
      expect(new URL(canonical ?? "").href, path).toBe(expected);
      await expect(page.locator('meta[property="og:title"]'), path).toHaveAttribute("content", /.+/);
      await expect(page.locator('meta[property="og:description"]'), path).toHaveAttribute("content", /.+/);
      const ogUrl = await page.locator('meta[property="og:url"]').getAttribute("content");
      expect(new URL(ogUrl ?? "").href, path).toBe(expected);
    }
  });

  test("the favicon exists in both forms", async ({ page, request }) => {
    const ico = await request.get("/favicon.ico");
    expect(ico.status()).toBe(200);
    expect(ico.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
    await page.goto("/");
    const svg = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
    const response = await request.get(svg ?? "/icon.svg");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("image/svg+xml");
  });
});
