// What a doctor command is: its usage lines, its own options (util.parseArgs format) and how its
// arguments become the tool's input (the same object the API takes as a JSON body).
import { readFileSync } from "node:fs";
import type { ParseArgsConfig } from "node:util";

export class UsageError extends Error {}

export type ParsedArguments = { values: Record<string, string | boolean | string[] | boolean[] | undefined>; positionals: string[] };

export type DoctorCommand = {
  /** The tool id in the diagnostics registry. */
  tool: string;
  /** The command name typed after `doctor`. */
  name: string;
  usage: string[];
  options: NonNullable<ParseArgsConfig["options"]>;
  /** Turns the parsed arguments into the tool's input, or throws UsageError. */
  toInput: (args: ParsedArguments) => Record<string, unknown>;
};

/** Reads all of standard input (for tokens and pastes, which must not sit in argv or shell history). */
export function readStdin(): string {
  return readFileSync(0, "utf8");
}

export function stringOption(args: ParsedArguments, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === "string" ? value : undefined;
}

export function atMostOnePositional(args: ParsedArguments, command: string, what: string): string | undefined {
  if (args.positionals.length > 1) throw new UsageError(`${command} takes one ${what}; got ${args.positionals.length} arguments`);
  return args.positionals[0];
}
