// The libraries, frameworks, browsers and IdPs whose messages the catalogue quotes
// (`content/libraries.json`), and the map from each of them to every message, entry and cause.
// A message's `source` names its library by starting with one of the library's prefixes
// (`openid-client@5`, `authlib@1 authlib/oauth2/rfc6749/errors.py`).
import { z } from "zod";
import type { EntryMessage } from "./schema";

export const librariesFile = "content/libraries.json";

export const stacks = ["js", "java", "dotnet", "go", "python", "ruby", "php", "browser", "idp"] as const;
export type Stack = (typeof stacks)[number];

export const stackLabels: Record<Stack, string> = {
  js: "JavaScript and TypeScript",
  java: "Java",
  dotnet: ".NET",
  go: "Go",
  python: "Python",
  ruby: "Ruby",
  php: "PHP",
  browser: "Browsers",
  idp: "Identity providers and servers",
};

const librarySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case (it is the /libraries/<id> URL)"),
  name: z.string().min(2),
  stack: z.enum(stacks),
  prefixes: z.array(z.string().min(2)).min(1, "list at least one prefix a message's source starts with"),
});

export const librariesSchema = z.array(librarySchema).min(1);

export type Library = z.infer<typeof librarySchema>;

/** The library a message's `source` names: the one whose longest prefix it starts with. */
export function libraryForSource(libraries: readonly Library[], source: string): Library | undefined {
  let best: { library: Library; length: number } | undefined;
  for (const library of libraries) {
    for (const prefix of library.prefixes) {
      if (source.startsWith(prefix) && prefix.length > (best?.length ?? 0)) best = { library, length: prefix.length };
    }
  }
  return best?.library;
}

export type LibraryMessage = {
  text: string;
  source: string;
  slug: string;
  title: string;
  /** The cause the message means, when the entry says which. */
  causeId?: string;
  causeTitle?: string;
};

export type LibraryMessages = { library: Library; messages: LibraryMessage[] };

type CauseRef = { id: string; title: string };
type MessageEntry = { slug: string; title: string; messages: readonly EntryMessage[]; causes: readonly CauseRef[] };

/** Every library with the messages the catalogue quotes from it, in the catalogue's order. */
export function messagesByLibrary(libraries: readonly Library[], entries: readonly MessageEntry[]): LibraryMessages[] {
  const byId = new Map<string, LibraryMessage[]>(libraries.map((library) => [library.id, []]));
  for (const entry of entries) {
    for (const message of entry.messages) {
      if (!message.source) continue;
      const library = libraryForSource(libraries, message.source);
      if (!library) continue;
      const cause = message.cause === undefined ? undefined : entry.causes.find((candidate) => candidate.id === message.cause);
      byId.get(library.id)?.push({
        text: message.text,
        source: message.source,
        slug: entry.slug,
        title: entry.title,
        ...(cause ? { causeId: cause.id, causeTitle: cause.title } : {}),
      });
    }
  }
  return libraries.map((library) => ({ library, messages: byId.get(library.id) ?? [] }));
}

/** Libraries grouped by stack in display order, those without messages left out. */
export function librariesByStack(all: readonly LibraryMessages[]): Array<{ stack: Stack; label: string; libraries: LibraryMessages[] }> {
  return stacks
    .map((stack) => ({ stack, label: stackLabels[stack], libraries: all.filter((item) => item.library.stack === stack && item.messages.length > 0) }))
    .filter((group) => group.libraries.length > 0);
}

export type MessageProblem = { file: string; field: string; message: string };

/**
 * Every message's `source` must name a library of `content/libraries.json` and its `cause` must
 * be one of the entry's causes, so the library pages link each message to the right place.
 */
export function checkMessages(libraries: readonly Library[], entries: ReadonlyArray<{ file: string; messages: readonly EntryMessage[]; causes: readonly CauseRef[] }>): MessageProblem[] {
  const problems: MessageProblem[] = [];
  for (const entry of entries) {
    entry.messages.forEach((message, index) => {
      if (message.source !== undefined && libraryForSource(libraries, message.source) === undefined) {
        problems.push({
          file: entry.file,
          field: `messages[${index}].source`,
          message: `"${message.source}" names no library in ${librariesFile}: start it with a library's prefix (e.g. "openid-client@6 src/index.ts") or add the library there`,
        });
      }
      if (message.cause !== undefined && !entry.causes.some((cause) => cause.id === message.cause)) {
        problems.push({
          file: entry.file,
          field: `messages[${index}].cause`,
          message: `"${message.cause}" is not a cause of this entry: use one of ${entry.causes.map((cause) => cause.id).join(", ")}`,
        });
      }
    });
  }
  return problems;
}
