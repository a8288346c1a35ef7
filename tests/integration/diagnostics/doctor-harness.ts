// Runs the doctor CLI the way a user does (the package bin, a child process) and collects what
// it printed; plus a loopback port with nothing listening, for "unreachable" cases.
import { spawn } from "node:child_process";
import { createServer } from "node:net";

export type DoctorRun = { code: number | null; stdout: string; stderr: string };

export function doctor(args: string[], stdin?: string): Promise<DoctorRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["scripts/doctor.mjs", ...args], { env: { ...process.env, SITE_URL: "https://fixbook.example" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}

export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
