// Forgiving URLs: links typed or pasted with the wrong letter case still land. Slugs are always
// lower case; codes keep the case they are returned with (`invalid_client`, `AADSTS50011`), so a
// code URL is rewritten only when the reference knows the code under another case. Pure.
import { lookupCode, normalizeCodeParam, type CodeReference } from "@/lib/codes";
import { codeUrl, entryUrl } from "@/lib/urls";

const entryPath = /^\/troubleshooting\/([^/]+?)(\.md)?$/;
const codePath = /^\/codes\/([^/]+)$/;

/** The canonical path for `pathname`, or undefined when it already is canonical (or unknown). */
export function canonicalRedirect(pathname: string, codes: CodeReference): string | undefined {
  const entry = entryPath.exec(pathname);
  if (entry) {
    const [, slug = "", markdown = ""] = entry;
    const lower = slug.toLowerCase();
    return lower === slug ? undefined : `${entryUrl(lower)}${markdown}`;
  }
  const code = codePath.exec(pathname);
  if (code) {
    const given = normalizeCodeParam(code[1] ?? "");
    if (given === undefined) return undefined;
    const [definition] = lookupCode(codes, given);
    if (!definition) return undefined;
    const target = codeUrl(definition.code);
    return target === pathname ? undefined : target;
  }
  return undefined;
}
