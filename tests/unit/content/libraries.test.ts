// content/libraries.json and the map from libraries to the messages the catalogue quotes.
import { describe, expect, it } from "vitest";
import data from "@/content/libraries.json";
import { checkMessages, librariesByStack, librariesSchema, libraryForSource, messagesByLibrary, type Library } from "@/lib/content/libraries";

const libraries: Library[] = [
  { id: "openid-client", name: "openid-client", stack: "js", prefixes: ["openid-client@"] },
  { id: "spring-security", name: "Spring Security", stack: "java", prefixes: ["spring-security@"] },
  { id: "entra-id", name: "Entra ID", stack: "idp", prefixes: ["Microsoft Entra ID", "Entra"] },
  { id: "entra-older", name: "Entra (older)", stack: "idp", prefixes: ["Microsoft Entra ID (older"] },
];

const entry = {
  file: "content/entries/oauth-flow/invalid-client.mdx",
  slug: "invalid-client",
  title: "401 invalid_client",
  causes: [{ id: "wrong-secret", title: "The secret is wrong", text: "", markdown: "" }],
  messages: [
    { text: "invalid_client", source: "openid-client@6 lib/index.ts", cause: "wrong-secret" },
    { text: "Client authentication failed" },
    { text: "[invalid_client] Bad client credentials", source: "spring-security@6 OAuth2AccessTokenResponseClient.java" },
  ],
};

describe("libraryForSource", () => {
  it("picks the library whose longest prefix the source starts with", () => {
    expect(libraryForSource(libraries, "openid-client@5 against Google")?.id).toBe("openid-client");
    expect(libraryForSource(libraries, "Microsoft Entra ID (older wording)")?.id).toBe("entra-older");
    expect(libraryForSource(libraries, "Microsoft Entra ID")?.id).toBe("entra-id");
    expect(libraryForSource(libraries, "go-oidc@3 verify.go")).toBeUndefined();
  });
});

describe("messagesByLibrary", () => {
  it("lists each sourced message under its library with the entry and the cause it means", () => {
    const byLibrary = messagesByLibrary(libraries, [entry]);
    expect(byLibrary.find((item) => item.library.id === "openid-client")?.messages).toEqual([
      { text: "invalid_client", source: "openid-client@6 lib/index.ts", slug: "invalid-client", title: "401 invalid_client", causeId: "wrong-secret", causeTitle: "The secret is wrong" },
    ]);
    expect(byLibrary.find((item) => item.library.id === "spring-security")?.messages[0]).not.toHaveProperty("causeId");
    const groups = librariesByStack(byLibrary);
    expect(groups.map((group) => group.stack)).toEqual(["js", "java"]);
  });
});

describe("checkMessages", () => {
  it("names a source that matches no library and a cause the entry does not have", () => {
    const problems = checkMessages(libraries, [{ ...entry, messages: [{ text: "boom", source: "unknown-lib@1" }, { text: "boom", source: "openid-client@6", cause: "no-such-cause" }] }]);
    expect(problems).toEqual([
      { file: entry.file, field: "messages[0].source", message: expect.stringContaining("names no library in content/libraries.json") },
      { file: entry.file, field: "messages[1].cause", message: expect.stringContaining("use one of wrong-secret") },
    ]);
    expect(checkMessages(libraries, [entry])).toEqual([]);
  });
});

describe("content/libraries.json", () => {
  it("is valid, with unique ids and no prefix claimed twice", () => {
    const parsed = librariesSchema.parse(data);
    expect(new Set(parsed.map((library) => library.id)).size).toBe(parsed.length);
    const prefixes = parsed.flatMap((library) => library.prefixes);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
});
