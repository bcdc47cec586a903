// CPU time instead of elapsed time for "this stays cheap" checks. The CPU time this process
// spends on a piece of work does not grow when other processes compete for the cores, so a
// budget on it holds on a busy machine as on an idle one; elapsed time does not.

/** CPU milliseconds (user + system, all of this process's threads) between two readings. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** `run`'s result and the CPU time this process spent until it settled. */
export async function cpuTimeOf<T>(run: () => T | Promise<T>): Promise<{ value: T; cpuMs: number }> {
  const start = process.cpuUsage();
  const value = await run();
  return { value, cpuMs: cpuMsSince(start) };
}
