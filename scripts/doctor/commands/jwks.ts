import { atMostOnePositional, readStdin, stringOption, UsageError, type DoctorCommand } from "../command";

export const jwksCommand: DoctorCommand = {
  tool: "jwks",
  name: "jwks",
  usage: [
    "jwks <issuer> [--token <header|token|->]    list and check an issuer's keys (- reads the token from stdin)",
    "jwks --jwks-uri <url> [--token …]           the same, for a key set URL",
  ],
  options: { "jwks-uri": { type: "string" }, token: { type: "string" } },
  toInput(args) {
    const issuer = atMostOnePositional(args, "jwks", "issuer");
    const jwksUri = stringOption(args, "jwks-uri");
    if ((issuer === undefined) === (jwksUri === undefined)) throw new UsageError("jwks needs an issuer or --jwks-uri <url>, not both");
    const tokenOption = stringOption(args, "token");
    const token = tokenOption === "-" ? readStdin().trim() : tokenOption;
    return { ...(issuer !== undefined ? { issuer } : { jwks_uri: jwksUri }), ...(token !== undefined ? { token } : {}) };
  },
};
