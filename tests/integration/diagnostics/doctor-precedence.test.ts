// `doctor precedence` as a user runs it (the package bin, a child process): the table and
// --json agree with the API, it exits 0 whatever the case (logi fails open), 2 on bad usage.
import { describe, expect, it } from "vitest";
import { doctor } from "./doctor-harness";

describe("doctor precedence", () => {
  it("--json prints the API body: row 2 of the table", async () => {
    const { code, stdout } = await doctor(["precedence", "--base", "google,apple", "--provider", "google", "--available", "apple,google,email", "--json"]);
    expect(code).toBe(0);
    const body = JSON.parse(stdout);
    expect(body).toMatchObject({ tool: "provider-precedence", ok: true, base: ["apple", "google"], requested: ["google"], effective: ["google"], renderable: ["google"], fallback: "none", row: 2, message: null, authorize_url: null });
  });

  it("prints a table naming the buttons and linking the explaining entry; fallbacks still exit 0", async () => {
    const { code, stdout } = await doctor(["precedence", "--base", "google", "--provider", "apple,facebook"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^STATUS\s+FINDING/m);
    expect(stdout).toContain("Continue with Google");
    expect(stdout).toContain("https://fixbook.example/troubleshooting/provider-empty-intersection-fallback#provider-empty-intersection-fallback--empty-intersection");
    expect(stdout).toContain("https://fixbook.example/troubleshooting/provider-parameter-ignored#provider-parameter-ignored--unknown-key");
    expect(stdout).toMatch(/provider-precedence: \d+ pass · 2 warn · 0 fail/);
  });

  it("the email fallback: nothing allowed is available, exit 0 with the message", async () => {
    const { code, stdout } = await doctor(["precedence", "--base", "kakao", "--available", "apple,google,email,app", "--origin", "http://localhost:3000", "--json"]);
    expect(code).toBe(0);
    const body = JSON.parse(stdout);
    expect(body).toMatchObject({ renderable: ["email"], fallback: "email", message: expect.stringContaining("email and password"), row: 4 });
    expect(body.authorize_url).toMatch(/^http:\/\/localhost:3000\/mock-idp\/oauth\/authorize\?client_id=logi_demo_web&/);
  });

  it("exits 2 for unknown keys in --base, unknown options and stray arguments", async () => {
    const unknown = await doctor(["precedence", "--base", "google,facebook"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"facebook" is not a login method key');
    const json = await doctor(["precedence", "--available", "myspace", "--json"]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: "invalid_login_method" });
    expect((await doctor(["precedence", "--providers", "google"])).code).toBe(2);
    expect((await doctor(["precedence", "google"])).code).toBe(2);
  });
});
