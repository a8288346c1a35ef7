import { atMostOnePositional, UsageError, type DoctorCommand } from "../command";

export const discoveryCommand: DoctorCommand = {
  tool: "discovery",
  name: "discovery",
  usage: ["discovery <issuer>                          check an issuer's discovery document"],
  options: {},
  toInput(args) {
    const issuer = atMostOnePositional(args, "discovery", "issuer");
    if (issuer === undefined) throw new UsageError("discovery needs an issuer, e.g. doctor discovery https://idp.example.com");
    return { issuer };
  },
};
