// Loads and validates content/codes.json once. The JSON is imported statically, so bundlers inline
// it and no filesystem access is needed: Server Components, route handlers, the CLI and (if ever
// needed) browser code all share this module. It is ~50 kB, so keep it out of client bundles
// unless a widget really needs it; widgets should ask our /api instead.
import data from "../../content/codes.json";
import { formatCodeProblem, parseCodes, type CodeProblem, type CodeReference } from "./index";

export class CodeDataError extends Error {
  readonly code = "CODES_INVALID";
  readonly problems: CodeProblem[];

  constructor(problems: CodeProblem[]) {
    super(
      `content/codes.json is invalid; fix these and rebuild:\n${problems.map(formatCodeProblem).join("\n")}`,
    );
    this.name = "CodeDataError";
    this.problems = problems;
  }
}

let cached: CodeReference | undefined;

/** The validated reference. Throws CodeDataError (naming file, field and problem) if the file is broken. */
export function getCodeReference(): CodeReference {
  if (cached) return cached;
  const result = parseCodes(data);
  if (!result.ok) throw new CodeDataError(result.problems);
  cached = result.reference;
  return cached;
}
