import { stringOption, UsageError, type DoctorCommand } from "../command";

export const precedenceCommand: DoctorCommand = {
  tool: "provider-precedence",
  name: "precedence",
  usage: [
    "precedence [--base <csv>] [--provider <raw>] [--available <csv>] [--origin <url>]",
    "                                            which login methods the screen shows (keys: apple,google,kakao,email,app;",
    "                                            no --base = every method; no --available = all available)",
  ],
  options: { base: { type: "string" }, provider: { type: "string" }, available: { type: "string" }, origin: { type: "string" } },
  toInput(args) {
    if (args.positionals.length > 0) throw new UsageError(`precedence takes only options; got ${args.positionals.map((value) => JSON.stringify(value.slice(0, 40))).join(", ")}`);
    const input: Record<string, unknown> = {};
    for (const name of ["base", "provider", "available", "origin"]) {
      const value = stringOption(args, name);
      if (value !== undefined) input[name] = value;
    }
    return input;
  },
};
