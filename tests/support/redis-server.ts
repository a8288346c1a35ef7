// Starts a throwaway redis-server on 127.0.0.1 (no persistence) for tests, and stops it by pid.
// `node scripts/ensure-redis.mjs` installs redis-server when it is missing.
import { spawn, type ChildProcess } from "node:child_process";
import { createConnection } from "node:net";

export type TestRedis = { url: string; port: number; pid: number; stop(): Promise<void> };

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    let answer = "";
    socket.setTimeout(500, () => socket.destroy());
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      answer += chunk.toString();
      if (answer.includes("\r\n")) socket.end();
    });
    socket.on("close", () => resolve(answer.startsWith("+PONG")));
    socket.on("error", () => resolve(false));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

export async function startRedis(port: number): Promise<TestRedis> {
  if (await ping(port)) throw new Error(`something already answers on 127.0.0.1:${port}; stop it or pick another port for the test Redis`);
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk.toString()));
  const failed = new Promise<never>((_resolve, reject) => {
    child.once("error", (error) => reject(new Error(`could not start redis-server (${error.message}); run node scripts/ensure-redis.mjs to install it`)));
    child.once("exit", (code) => reject(new Error(`redis-server exited with ${code}: ${stderr}`)));
  });
  const ready = (async () => {
    for (let attempt = 0; attempt < 100; attempt++) {
      if (await ping(port)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`redis-server did not answer on 127.0.0.1:${port} within 10 s`);
  })();
  try {
    await Promise.race([ready, failed]);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  failed.catch(() => undefined);
  const pid = child.pid;
  if (pid === undefined) throw new Error("redis-server has no pid");
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(pid, "SIGTERM");
      await exited(child);
    },
  };
}
