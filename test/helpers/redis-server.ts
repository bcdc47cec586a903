// A real redis-server for the tests of shared state: started on a free loopback port with
// nothing persisted, and stopped (or killed, to test an outage) by the test. The binary comes
// from the system (test/setup/redis-binary.ts makes sure there is one before any test runs).
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, Socket } from "node:net";

export interface RedisServer {
  /** redis://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  /** Stops it at once (SIGKILL): the outage a replica must survive. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
  stop(): Promise<void>;
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

function launch(port: number): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no", "--loglevel", "warning"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    // What it printed, for the error when it does not start.
    let output = "";
    const onData = (chunk: Buffer) => void (output += chunk.toString("utf8"));
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
    // Ready when it answers a PING (bounded: a few seconds at most).
    const started = Date.now();
    const poll = async () => {
      if (await ping(port)) {
        child.removeAllListeners("exit");
        resolve(child);
      } else if (Date.now() - started > 10_000) {
        child.kill("SIGKILL");
        reject(new Error(`redis-server did not start on port ${port}: ${output}`));
      } else setTimeout(() => void poll(), 20);
    };
    void poll();
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

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

export async function startRedis(): Promise<RedisServer> {
  let lastError: unknown;
  // A port found free can be taken before redis binds it: try a few.
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    try {
      let child = await launch(port);
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        async kill() {
          child.kill("SIGKILL");
          await exited(child);
        },
        async restart() {
          child = await launch(port);
        },
        async stop() {
          child.kill("SIGTERM");
          await exited(child);
        },
      };
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
