// Handing an entry to an AI assistant: the prompt and the "new chat" links that carry it. The
// assistant reads the entry's Markdown, so the link needs its public, absolute `.md` URL.

export type AssistantLink = { id: "chatgpt" | "claude"; name: string; href: string };

const assistants = [
  { id: "chatgpt", name: "ChatGPT", newChat: "https://chatgpt.com/?q=" },
  { id: "claude", name: "Claude", newChat: "https://claude.ai/new?q=" },
] as const;

/** What the assistant is asked; `markdownUrl` is absolute. */
export function buildEntryPrompt(markdownUrl: string): string {
  return `Read ${markdownUrl}, a troubleshooting entry for an OAuth 2.0 / OpenID Connect relying party. Then help me work out which of its causes applies to my setup and walk me through the fix.`;
}

/** One link per assistant, each opening a new chat with the entry's prompt. */
export function buildAssistantLinks(markdownUrl: string): AssistantLink[] {
  const prompt = encodeURIComponent(buildEntryPrompt(markdownUrl));
  return assistants.map(({ id, name, newChat }) => ({ id, name, href: `${newChat}${prompt}` }));
}
