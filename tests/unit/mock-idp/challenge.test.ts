import { describe, expect, it } from "vitest";
import { challengeHeader } from "@/lib/mock-idp/challenge";

describe("challengeHeader", () => {
  it("quotes every param and leaves out absent ones", () => {
    expect(challengeHeader("Bearer", { realm: "mock-idp", error: "insufficient_scope", error_description: undefined, scope: "openid" })).toEqual({
      "WWW-Authenticate": 'Bearer realm="mock-idp", error="insufficient_scope", scope="openid"',
    });
  });

  it("escapes backslashes and quotes, and folds line breaks, so a description cannot end the header or add params", () => {
    const header = challengeHeader("Basic", { realm: "mock-idp", error_description: 'bad "x" \\ y\r\nSet-Cookie: a=b' })["WWW-Authenticate"];
    expect(header).toBe('Basic realm="mock-idp", error_description="bad \\"x\\" \\\\ y Set-Cookie: a=b"');
  });
});
