// Facts about the machine and the tree the figures came from, and CPU time of a child
// process read from /proc (so a measurement can say whether the server's core was busy).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";

export interface MachineFacts {
  readonly node: string;
  readonly v8: string;
  readonly platform: string;
  readonly kernel: string;
  readonly cpuModel: string;
  readonly cores: number;
  readonly availableParallelism: number;
  readonly memoryGiB: number;
  readonly loadAverageAtStart: readonly number[];
  readonly taskset: string | null;
  readonly pinning: string;
  readonly gitCommit: string | null;
  /** Files under src/ that differ from the commit (the tree is edited by others while the bench runs). */
  readonly srcChangesUncommitted: number | null;
  readonly startedAt: string;
}

function git(args: string[]): string | null {
  try {
    return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

/** `availableParallelism` must be read before this process pins itself (it follows the affinity mask). */
export function machineFacts(tasksetPath: string | null, pinning: string, availableParallelism: number): MachineFacts {
  const cpus = os.cpus();
  const status = git(["status", "--porcelain", "--", "src"]);
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
    kernel: os.release(),
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    availableParallelism,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
    taskset: tasksetPath,
    pinning,
    gitCommit: git(["rev-parse", "--short", "HEAD"]),
    srcChangesUncommitted: status === null ? null : status.split("\n").filter((line) => line.trim() !== "").length,
    startedAt: new Date().toISOString(),
  };
}

/** Whole-machine CPU ticks from /proc/stat: all, stolen by the hypervisor, and busy (not idle, iowait or steal). */
export function machineTicks(): { total: number; steal: number; busy: number } | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const total = values.reduce((a, b) => a + b, 0);
    const steal = values[7] ?? 0;
    return { total, steal, busy: total - (values[3] ?? 0) - (values[4] ?? 0) - steal };
  } catch {
    return null;
  }
}

export function clockTicksPerSecond(): number {
  try {
    ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    ticksPerSecond = 100;
  }
  return ticksPerSecond;
}

let ticksPerSecond: number | undefined;

/** User + system CPU seconds of a process so far; null where /proc is missing. */
export function cpuSeconds(pid: number): number | null {
  try {
    const perSecond = clockTicksPerSecond();
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the ")" that closes the command name: state is field 3; utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / perSecond;
  } catch {
    return null;
  }
}

/** Measures `work` and the CPU share each watched process used meanwhile (1.0 = one core). */
export async function withCpu<T>(pids: Readonly<Record<string, number>>, work: () => Promise<T>): Promise<{ result: T; cpu: Record<string, number | null> }> {
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)]));
  const t0 = performance.now();
  const result = await work();
  const seconds = (performance.now() - t0) / 1000;
  const cpu: Record<string, number | null> = {};
  for (const [name, pid] of Object.entries(pids)) {
    const start = before[name];
    const end = cpuSeconds(pid);
    cpu[name] = start === null || start === undefined || end === null ? null : Math.round(((end - start) / seconds) * 100) / 100;
  }
  return { result, cpu };
}
