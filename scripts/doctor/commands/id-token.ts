// `doctor id-token -`: the id_token inspector. The token is read from stdin only: an argument
// would land in the shell's history and in every process list on the machine.
import { readStdin, stringOption, UsageError, type DoctorCommand } from "../command";

const stdinHint = "pipe it in and pass -, e.g. `pbpaste | npm run doctor -- id-token - --client-id <id>` or `npm run doctor -- id-token - < token.txt`";

export const idTokenCommand: DoctorCommand = {
  tool: "id-token",
  name: "id-token",
  usage: [
    "id-token - [--issuer <url>] [--client-id <id>] [--nonce <n>] [--clock-skew <s>]",
    "                                            decode and verify an id_token read from stdin (never argv)",
  ],
  options: { issuer: { type: "string" }, "client-id": { type: "string" }, nonce: { type: "string" }, "clock-skew": { type: "string" }, token: { type: "string" } },
  toInput(args) {
    // Refused without echoing the value: the message must not put the token back on screen or in logs.
    if (args.values.token !== undefined) throw new UsageError(`id-token does not take --token: a token in the arguments is kept in shell history and visible in process lists (ps); ${stdinHint}`);
    if (args.positionals.length > 1) throw new UsageError(`id-token takes only -, to read the token from stdin; got ${args.positionals.length} arguments`);
    const source = args.positionals[0];
    if (source === undefined) throw new UsageError(`id-token reads the token from stdin: ${stdinHint}`);
    if (source !== "-") throw new UsageError(`id-token does not take the token as an argument: arguments are kept in shell history and visible in process lists (ps); ${stdinHint}`);
    const issuer = stringOption(args, "issuer");
    const clientId = stringOption(args, "client-id");
    const nonce = stringOption(args, "nonce");
    const skew = stringOption(args, "clock-skew");
    return {
      token: readStdin().trim(),
      ...(issuer !== undefined ? { issuer } : {}),
      ...(clientId !== undefined ? { client_id: clientId } : {}),
      ...(nonce !== undefined ? { nonce } : {}),
      ...(skew !== undefined ? { clock_skew_seconds: skew } : {}),
    };
  },
};
