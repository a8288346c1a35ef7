// Entry point of `npm run doctor` and the `doctor` bin (see scripts/doctor.mjs).
import { runDoctor } from "./main";

process.exitCode = await runDoctor(process.argv.slice(2), { log: (text) => console.log(text), error: (text) => console.error(text) });
