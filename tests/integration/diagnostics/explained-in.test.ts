// Every catalogue link a diagnostic finding can carry points at an entry and cause that exist,
// and every fault scenario of the mock IdP names an entry that embeds the widget reproducing it.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getCatalogue } from "@/lib/content/catalogue.server";
import type { Catalogue } from "@/lib/content/entry";
import { explainedIn } from "@/lib/diagnostics/explained-in";
import { mockIdpScenarios } from "@/lib/mock-idp/scenarios";

vi.mock("server-only", () => ({}));

let catalogue: Catalogue;

beforeAll(async () => {
  catalogue = await getCatalogue();
}, 120_000);

describe("finding links", () => {
  it.each(Object.entries(explainedIn))("%s → %s exists", (_name, url) => {
    const match = /^\/troubleshooting\/([a-z0-9-]+)#([a-z0-9-]+)$/.exec(url);
    expect(match).not.toBeNull();
    const [, slug = "", anchor = ""] = match ?? [];
    const entry = catalogue.bySlug.get(slug);
    expect(entry, `no entry ${slug}`).toBeDefined();
    expect(entry?.causes.map((cause) => `${slug}--${cause.id}`)).toContain(anchor);
  });
});

describe("scenario entries", () => {
  it.each(mockIdpScenarios.map((scenario) => [scenario.name, scenario.entry]))("%s is explained by %s, which embeds a provider check", (_name, slug) => {
    const widgets = catalogue.bySlug.get(slug)?.widgets ?? [];
    expect(widgets.some((widget) => widget === "discovery" || widget === "jwks")).toBe(true);
  });
});
