// A redis-server for the figures of replicas sharing Redis: the system's binary on a free
// loopback port, nothing persisted, pinned to the load generator's core (in production Redis
// runs elsewhere; here it must not take the server's core). It is started through a small
// shell watchdog that stops it when its stdin closes, so it goes away with the bench even
// when the bench itself is killed. Same start-up as test/helpers/redis-server.ts (kept apart:
// bench/ does not depend on test/ for the processes it runs).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer, Socket } from "node:net";
import { createInterface } from "node:readline";
import { taskset } from "./rpc.js";

export interface BenchRedis {
  /** redis://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  /** The redis-server process itself (for its CPU time), not the watchdog. */
  readonly pid: number;
  readonly version: string;
  stop(): Promise<void>;
}

/** Why there is no Redis on this machine, or null when redis-server is on the PATH. */
export function redisMissing(): string | null {
  const found = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  return found.status === 0 && found.stdout.trim() !== "" ? null : "redis-server is not installed (not on the PATH)";
}

function redisVersion(): string {
  const out = spawnSync("redis-server", ["--version"], { encoding: "utf8" });
  return /v=(\S+)/.exec(out.stdout)?.[1] ?? "unknown";
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(500);
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.connect(port, "127.0.0.1", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
  });
}

/**
 * The watchdog: starts redis-server in the background, prints its pid, and stops it (SIGTERM,
 * then waits) as soon as its own stdin reaches end of file: when the bench closes the pipe or
 * dies. "$@" is the redis-server command line.
 */
const WATCHDOG = `"$@" & pid=$!
echo "$pid"
read -r _ || true
kill -TERM "$pid" 2>/dev/null
wait "$pid"`;

const running = new Set<{ watchdog: ChildProcess; pid: number }>();

process.on("exit", () => {
  // Last resort (the bench is exiting without having stopped it).
  for (const r of running) {
    try {
      process.kill(r.pid, "SIGKILL");
    } catch {
      // already gone
    }
    r.watchdog.kill("SIGKILL");
  }
});

async function launch(port: number, core: number | null): Promise<{ watchdog: ChildProcess; pid: number }> {
  const bin = core === null ? null : taskset();
  const server = ["redis-server", "--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no", "--loglevel", "warning"];
  const command = bin === null ? server : [bin, "-c", String(core), ...server];
  const watchdog = spawn("sh", ["-c", WATCHDOG, "sh", ...command], { stdio: ["pipe", "pipe", "pipe"] });
  let output = "";
  watchdog.stderr?.on("data", (chunk: Buffer) => void (output += chunk.toString("utf8")));
  const pid = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: watchdog.stdout as NonNullable<typeof watchdog.stdout> });
    lines.once("line", (line) => resolve(Number(line.trim())));
    watchdog.once("error", reject);
    watchdog.once("exit", (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
  });
  const entry = { watchdog, pid };
  running.add(entry);
  watchdog.once("exit", () => running.delete(entry));
  const started = Date.now();
  while (!(await ping(port))) {
    if (watchdog.exitCode !== null || Date.now() - started > 10_000) {
      await stopEntry(entry);
      throw new Error(`redis-server did not start on port ${port}: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return entry;
}

async function stopEntry(entry: { watchdog: ChildProcess; pid: number }): Promise<void> {
  const { watchdog, pid } = entry;
  if (watchdog.exitCode !== null || watchdog.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => watchdog.once("exit", () => resolve()));
  watchdog.stdin?.end();
  const timer = setTimeout(() => {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
    watchdog.kill("SIGKILL");
  }, 3_000);
  await gone;
  clearTimeout(timer);
}

/** Starts redis-server on a free loopback port, pinned to `core` when taskset exists. */
export async function startBenchRedis(core: number | null): Promise<BenchRedis> {
  const version = redisVersion();
  let lastError: unknown;
  // A port found free can be taken before redis binds it: try a few.
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    try {
      const entry = await launch(port, core);
      return { url: `redis://127.0.0.1:${port}`, port, pid: entry.pid, version, stop: () => stopEntry(entry) };
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/** Stops every redis-server this process started (the bench's interrupt handler). */
export async function stopAllRedis(): Promise<void> {
  await Promise.allSettled([...running].map((entry) => stopEntry(entry)));
}
