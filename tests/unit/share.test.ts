import { describe, expect, it } from "vitest";
import { buildAssistantLinks, buildEntryPrompt } from "@/lib/share";

const markdownUrl = "https://fixbook.example/troubleshooting/invalid-client.md";

describe("buildAssistantLinks", () => {
  it("opens a new ChatGPT and a new Claude chat whose prompt carries the entry's Markdown URL", () => {
    const links = buildAssistantLinks(markdownUrl);
    expect(links.map(({ id, name }) => [id, name])).toEqual([["chatgpt", "ChatGPT"], ["claude", "Claude"]]);
    const [chatgpt, claude] = links.map((link) => new URL(link.href));
    expect(chatgpt?.origin).toBe("https://chatgpt.com");
    expect(claude?.origin).toBe("https://claude.ai");
    expect(claude?.pathname).toBe("/new");
    for (const url of [chatgpt, claude]) {
      expect(url?.searchParams.get("q")).toBe(buildEntryPrompt(markdownUrl));
      expect(url?.searchParams.get("q")).toContain(markdownUrl);
    }
  });

  it("encodes the prompt so the .md URL survives as one query value", () => {
    const [chatgpt] = buildAssistantLinks("https://fixbook.example/troubleshooting/a.md?x=1&q=2#frag");
    const href = chatgpt?.href ?? "";
    expect(href).not.toContain(" ");
    expect(href.split("?")).toHaveLength(2);
    expect(new URL(href).searchParams.get("q")).toContain("https://fixbook.example/troubleshooting/a.md?x=1&q=2#frag");
  });
});
