// Every doctor command, in the order `doctor --help` lists them.
import type { DoctorCommand } from "../command";
import { discoveryCommand } from "./discovery";
import { idTokenCommand } from "./id-token";
import { jwksCommand } from "./jwks";
import { lookupCommand } from "./lookup";
import { precedenceCommand } from "./precedence";
import { redirectUriCommand } from "./redirect-uri";

export const doctorCommands: readonly DoctorCommand[] = [discoveryCommand, jwksCommand, lookupCommand, precedenceCommand, redirectUriCommand, idTokenCommand];
