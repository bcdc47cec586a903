// Child processes of the benchmark and a tiny request/response protocol over Node's IPC
// channel. Every child is started through `taskset -c <core>` when taskset exists, is
// registered for clean-up, and exits by itself when the parent goes away.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export type Handler = (args: unknown) => unknown;

interface Request {
  readonly id: number;
  readonly command: string;
  readonly args: unknown;
}

type Reply = { readonly id: number; readonly ok: true; readonly result: unknown } | { readonly id: number; readonly ok: false; readonly error: string };

/** Child side: answers the parent's commands; exits when the parent disconnects. */
export function serveCommands(handlers: Readonly<Record<string, Handler>>): void {
  if (!process.send) throw new Error("bench children must be started with an IPC channel");
  process.on("disconnect", () => process.exit(0));
  process.on("message", (message: Request) => {
    const reply = (r: Reply) => process.send?.(r);
    const handler = handlers[message.command];
    if (!handler) return reply({ id: message.id, ok: false, error: `unknown command ${message.command}` });
    Promise.resolve()
      .then(() => handler(message.args))
      .then(
        (result) => reply({ id: message.id, ok: true, result: result ?? null }),
        (error: unknown) => reply({ id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
  });
  process.send({ id: 0, ok: true, result: "ready" } satisfies Reply);
}

let tasksetPath: string | null | undefined;

/** The taskset binary, or null when the machine has none (then nothing is pinned). */
export function taskset(): string | null {
  if (tasksetPath === undefined) {
    const found = spawnSync("sh", ["-c", "command -v taskset"], { encoding: "utf8" });
    tasksetPath = found.status === 0 && found.stdout.trim() !== "" ? found.stdout.trim() : null;
  }
  return tasksetPath;
}

/** Pins this process (all its threads) to `core`; false when taskset is missing or refused. */
export function pinSelf(core: number): boolean {
  const bin = taskset();
  if (bin === null) return false;
  return spawnSync(bin, ["-a", "-p", "-c", String(core), String(process.pid)], { stdio: "ignore" }).status === 0;
}

const children = new Set<BenchChild>();

export class BenchChild {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private exited = false;
  /** Node process warnings the child printed, by warning name (counted, not echoed). */
  readonly warnings: Record<string, number> = {};

  private constructor(
    readonly name: string,
    private readonly process: ChildProcess,
  ) {
    children.add(this);
    process.on("message", (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.result);
      else waiter.reject(new Error(`${name}: ${reply.error}`));
    });
    if (process.stderr) {
      // Warnings are counted (a server may print one per request); anything else is shown.
      createInterface({ input: process.stderr }).on("line", (line) => {
        const warning = /\b(\w+Warning)\b/.exec(line);
        if (warning?.[1]) this.warnings[warning[1]] = (this.warnings[warning[1]] ?? 0) + 1;
        else if (!line.startsWith("(Use `node --trace-warnings")) globalThis.process.stderr.write(`[${name}] ${line}\n`);
      });
    }
    process.on("exit", (code, signal) => {
      this.exited = true;
      children.delete(this);
      for (const waiter of this.pending.values()) waiter.reject(new Error(`${name} exited (code ${code}, signal ${signal}) during a command`));
      this.pending.clear();
    });
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  /**
   * Starts `bench/<script>` under tsx, pinned to `core` when taskset exists. The child's
   * stdout (the subgraph's JSON log lines) goes to /dev/null, as a log shipper would take it
   * away; stderr is shown, except Node's warnings, which are counted.
   */
  static async start(name: string, script: string, options: { core: number | null; env?: Record<string, string>; nodeArgs?: string[] }): Promise<BenchChild> {
    const entry = fileURLToPath(new URL(`../${script}`, import.meta.url));
    const nodeArgs = [...(options.nodeArgs ?? []), "--import", "tsx", entry];
    const bin = options.core === null ? null : taskset();
    const [command, args] = bin === null ? [process.execPath, nodeArgs] : [bin, ["-c", String(options.core), process.execPath, ...nodeArgs]];
    const proc = spawn(command, args, { stdio: ["ignore", "ignore", "pipe", "ipc"], env: { ...process.env, ...options.env } });
    const child = new BenchChild(name, proc);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s`)), 60_000);
      proc.once("message", () => {
        clearTimeout(timer);
        resolve();
      });
      proc.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited with code ${code} while starting`));
      });
    }).catch(async (error: unknown) => {
      await child.kill();
      throw error;
    });
    return child;
  }

  call<T>(command: string, args: unknown = null): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`${this.name} has exited`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.process.send({ id, command, args } satisfies Request);
    });
  }

  /** SIGTERM, then SIGKILL after 3 s; resolves once the process is gone. */
  async kill(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.process.once("exit", () => resolve()));
    this.process.kill("SIGTERM");
    const timer = setTimeout(() => this.process.kill("SIGKILL"), 3_000);
    await gone;
    clearTimeout(timer);
  }

  /** Synchronous last resort for process "exit" handlers. */
  killNow(): void {
    if (!this.exited) this.process.kill("SIGKILL");
  }
}

export async function killAllChildren(): Promise<void> {
  await Promise.allSettled([...children].map((child) => child.kill()));
}

process.on("exit", () => {
  for (const child of children) child.killNow();
});
