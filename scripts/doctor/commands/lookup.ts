import { readStdin, UsageError, type DoctorCommand } from "../command";

export const lookupCommand: DoctorCommand = {
  tool: "error-lookup",
  name: "lookup",
  usage: ["lookup <text>|- [--limit <n>]                 what an error says and which entry fixes it (- reads the paste from stdin)"],
  options: { limit: { type: "string" } },
  toInput(args) {
    // Unquoted words arrive as separate arguments; a paste is one text again.
    const input = args.positionals.length === 1 && args.positionals[0] === "-" ? readStdin() : args.positionals.join(" ");
    if (input.trim() === "") throw new UsageError("lookup needs the error text, e.g. doctor lookup invalid_client, or - to read it from stdin");
    const limit = args.values.limit;
    return { input, ...(typeof limit === "string" ? { limit } : {}) };
  },
};
