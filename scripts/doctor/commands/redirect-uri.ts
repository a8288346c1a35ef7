import { stringOption, UsageError, type DoctorCommand, type ParsedArguments } from "../command";

function registeredOption(args: ParsedArguments): string[] {
  const value = args.values.registered;
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === "string");
}

export const redirectUriCommand: DoctorCommand = {
  tool: "redirect-uri",
  name: "redirect-uri",
  usage: [
    "redirect-uri --registered <uri> [--registered <uri>…] --redirect-uri <uri>",
    "                                            compare with the registered URIs, as the IdP does",
    "redirect-uri --issuer <url> --client-id <id> --redirect-uri <uri>",
    "                                            ask the IdP (the CI preflight); exit 1 if not accepted",
  ],
  options: { registered: { type: "string", multiple: true }, "redirect-uri": { type: "string" }, issuer: { type: "string" }, "client-id": { type: "string" } },
  toInput(args) {
    if (args.positionals.length > 0) throw new UsageError(`redirect-uri takes only options; got ${args.positionals.map((value) => JSON.stringify(value.slice(0, 40))).join(", ")}`);
    const redirectUri = stringOption(args, "redirect-uri");
    if (redirectUri === undefined) throw new UsageError("redirect-uri needs --redirect-uri <uri>");
    const registered = registeredOption(args);
    const issuer = stringOption(args, "issuer");
    const clientId = stringOption(args, "client-id");
    const live = issuer !== undefined || clientId !== undefined;
    if (registered.length > 0 && live) throw new UsageError("redirect-uri takes either --registered (offline) or --issuer and --client-id (live), not both");
    if (live) {
      if (issuer === undefined || clientId === undefined) throw new UsageError("redirect-uri live needs both --issuer <url> and --client-id <id>");
      return { issuer, client_id: clientId, redirect_uri: redirectUri };
    }
    if (registered.length === 0) throw new UsageError("redirect-uri needs --registered <uri> (repeat it for each) or --issuer and --client-id");
    return { registered, redirect_uri: redirectUri };
  },
};
