// `doctor lookup` as a user runs it (the package bin, a child process): text from argv or stdin,
// the parsed fields and the entries in the table, --json prints the API body; exit 0 when
// something matched, 1 when nothing did, 2 for bad usage.
import { describe, expect, it } from "vitest";
import { doctor } from "./doctor-harness";

describe("doctor lookup", () => {
  it("looks up words from argv (joined by spaces) and prints what was read and the entries", async () => {
    const { code, stdout } = await doctor(["lookup", "AADSTS50011:", "The", "redirect", "URI", "does", "not", "match"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^codes: AADSTS50011$/m);
    expect(stdout).toMatch(/^vendor: Microsoft Entra ID$/m);
    expect(stdout).toMatch(/^STATUS\s+FINDING/m);
    expect(stdout).toMatch(/^ENTRY\s+URL/m);
    expect(stdout).toContain("https://fixbook.example/troubleshooting/entra-aadsts50011-redirect-uri-mismatch");
    expect(stdout).toMatch(/error-lookup: \d+ pass · \d+ warn · 0 fail · 0 skip → OK/);
  }, 60_000);

  it("reads the paste from stdin with -, and --json prints the API body", async () => {
    const paste = 'HTTP/1.1 401 Unauthorized\n{"error":"invalid_client","error_description":"Client authentication failed"}\n';
    const { code, stdout } = await doctor(["lookup", "-", "--json", "--limit", "2"], paste);
    expect(code).toBe(0);
    const body = JSON.parse(stdout);
    expect(body).toMatchObject({ tool: "error-lookup", ok: true, parsed: { codes: ["invalid_client"], status: 401, description: "Client authentication failed" }, codes: [{ code: "invalid_client", known: true }] });
    expect(body.entries.length).toBeLessThanOrEqual(2);
    expect(body.entries[0]).toMatchObject({ url: "/troubleshooting/invalid-client" });
  }, 60_000);

  it("keeps a pasted word that equals the command name", async () => {
    const { stdout } = await doctor(["lookup", "lookup", "invalid_grant", "--json"]);
    expect(JSON.parse(stdout).parsed.message_lines).toEqual(["lookup invalid_grant"]);
  }, 60_000);

  it("exits 1 when nothing matched; the table still says what was searched", async () => {
    const { code, stdout } = await doctor(["lookup", "flux capacitor overheated zzqx qwerty"]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^FAIL\s+Nothing matched/m);
    expect(stdout).not.toMatch(/^ENTRY\s+URL/m);
    expect(stdout).toMatch(/→ FAILED$/m);
  }, 60_000);

  it("exits 2 for no text, empty stdin, oversized input and a bad --limit", async () => {
    expect((await doctor(["lookup"])).code).toBe(2);
    expect((await doctor(["lookup", "-"], "  \n")).code).toBe(2);
    expect((await doctor(["lookup", "-"], "x".repeat(16_385))).code).toBe(2);
    const badLimit = await doctor(["lookup", "invalid_client", "--limit", "0", "--json"]);
    expect(badLimit.code).toBe(2);
    expect(JSON.parse(badLimit.stdout)).toMatchObject({ error: "invalid_request", message: expect.stringContaining("limit") });
  }, 60_000);

  it("is listed in --help", async () => {
    const { code, stdout } = await doctor(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("lookup <text>|-");
  }, 60_000);
});
