// Every doctor command, in the order `doctor --help` lists them.
import type { DoctorCommand } from "../command";
import { discoveryCommand } from "./discovery";
import { jwksCommand } from "./jwks";

export const doctorCommands: readonly DoctorCommand[] = [discoveryCommand, jwksCommand];
