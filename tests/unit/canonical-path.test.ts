import { describe, expect, it } from "vitest";
import { canonicalRedirect } from "@/lib/canonical-path";
import { getCodeReference } from "@/lib/codes/reference";

const codes = getCodeReference();

describe("canonicalRedirect", () => {
  it("lower-cases entry slugs, keeping the .md export", () => {
    expect(canonicalRedirect("/troubleshooting/Invalid-Client", codes)).toBe("/troubleshooting/invalid-client");
    expect(canonicalRedirect("/troubleshooting/INVALID-CLIENT.md", codes)).toBe("/troubleshooting/invalid-client.md");
  });

  it("leaves canonical entry URLs alone", () => {
    expect(canonicalRedirect("/troubleshooting/invalid-client", codes)).toBeUndefined();
    expect(canonicalRedirect("/troubleshooting/invalid-client.md", codes)).toBeUndefined();
    expect(canonicalRedirect("/troubleshooting", codes)).toBeUndefined();
  });

  it("sends a code in the wrong case to the case it is returned with", () => {
    expect(canonicalRedirect("/codes/INVALID_CLIENT", codes)).toBe("/codes/invalid_client");
    expect(canonicalRedirect("/codes/aadsts50011", codes)).toBe("/codes/AADSTS50011");
    expect(canonicalRedirect("/codes/connect%20api%20error%20215", codes)).toBe("/codes/Connect%20API%20Error%20215");
  });

  it("leaves canonical and unknown codes alone (unknown ones get the 404 page)", () => {
    expect(canonicalRedirect("/codes/invalid_client", codes)).toBeUndefined();
    expect(canonicalRedirect("/codes/AADSTS50011", codes)).toBeUndefined();
    expect(canonicalRedirect("/codes/Connect%20API%20Error%20215", codes)).toBeUndefined();
    expect(canonicalRedirect("/codes/no_such_code", codes)).toBeUndefined();
    expect(canonicalRedirect("/codes/%E0%A4%A", codes)).toBeUndefined();
  });
});
