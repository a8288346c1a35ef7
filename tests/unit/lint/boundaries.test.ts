// The import boundaries eslint.config.mjs enforces, linted on source text as if it sat at a path.
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function restricted(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === "no-restricted-imports" && message.severity === 2)
    .map((message) => message.message);
}

describe("lib/ imports nothing from app/ or components/", () => {
  it.each([
    ['import { x } from "@/app/api/search/route";'],
    ['import { Card } from "@/components/ui/card";'],
    ['import { x } from "../../app/page";'],
    ['import { x } from "../../components/entry/mdx-content";'],
  ])("%s in lib/content is an error", async (source) => {
    const messages = await restricted("lib/content/example.ts", `${source}\nexport { x };\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("imports nothing from app/ or components/");
  });

  it("allows lib/ to import lib/ and packages", async () => {
    expect(await restricted("lib/content/example.ts", 'import { a } from "@/lib/urls";\nimport { b } from "../search/options";\nimport { z } from "zod";\nexport { a, b, z };\n')).toEqual([]);
  });

  it("does not apply outside lib/", async () => {
    expect(await restricted("app/example.tsx", 'import { Card } from "@/components/ui/card";\nimport fs from "node:fs";\nexport { Card, fs };\n')).toEqual([]);
  });
});

describe("lib/search and lib/diagnostics import no Node builtins and no Next", () => {
  it.each([
    ["lib/search/example.ts", 'import { readFile } from "node:fs/promises";', "no Node builtins"],
    ["lib/search/example.ts", 'import path from "path";', "no Node builtins"],
    ["lib/diagnostics/example.ts", 'import { createHash } from "crypto";', "no Node builtins"],
    ["lib/diagnostics/example.ts", 'import { NextResponse } from "next/server";', "no next or next/* imports"],
    ["lib/diagnostics/nested/example.ts", 'import Link from "next/link";', "no next or next/* imports"],
    ["lib/search/example.ts", 'import { Card } from "@/components/ui/card";', "imports nothing from app/ or components/"],
  ])("%s: %s is an error", async (file, source, expected) => {
    const messages = await restricted(file, `${source}\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(expected);
  });

  it("lets the rest of lib/ use Node on the server", async () => {
    expect(await restricted("lib/content/example.server.ts", 'import { readFile } from "node:fs/promises";\nexport { readFile };\n')).toEqual([]);
  });
});
