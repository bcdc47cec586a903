// CPU profile of a server child over a time window (V8's sampling profiler through the
// inspector), summarized as shares of busy time per code area: an npm package, a src/
// directory (a provider's folder each), Node internals, GC. Used to say where the real
// server's time goes compared with the prepared one, not as a gated figure.
import { Session } from "node:inspector/promises";
import type { ProfileSummary } from "./types.js";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly url: string; readonly functionName: string; readonly lineNumber: number };
  readonly hitCount?: number;
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
}

export function areaOf(url: string, functionName: string): string | null {
  if (url === "") {
    if (functionName === "(idle)") return null;
    if (functionName === "(garbage collector)") return "V8 garbage collector";
    if (functionName === "(program)") return "V8 (program: compiler, runtime)";
    return `native ${functionName}`;
  }
  const modules = url.lastIndexOf("/node_modules/");
  if (modules >= 0) {
    const parts = url.slice(modules + "/node_modules/".length).split("/");
    return parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1] ?? ""}` : (parts[0] ?? url);
  }
  const src = url.indexOf("/src/");
  if (src >= 0) {
    const parts = url.slice(src + 1).split("/");
    return parts[1] === "providers" || parts[1] === "sandbox" ? parts.slice(0, 3).join("/") : parts.length > 2 ? parts.slice(0, 2).join("/") : parts.join("/");
  }
  if (url.includes("/bench/")) return "bench (harness)";
  if (url.startsWith("node:")) {
    const rest = url.slice(5).replace(/^internal\//, "");
    const head = rest.split("/")[0] ?? rest;
    return head === "deps" ? `node:deps/${rest.split("/")[1] ?? ""}` : `node:${head.replace(/\.js$/, "")}`;
  }
  return "other";
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf("/node_modules/");
  if (modules >= 0) return url.slice(modules + "/node_modules/".length);
  const src = url.indexOf("/src/");
  return src >= 0 ? url.slice(src + 1) : url;
}

export async function profileFor(ms: number): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 500 });
    await session.post("Profiler.start");
    await new Promise((resolve) => setTimeout(resolve, ms));
    const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: Profile };
    const samples = profile.samples?.length ?? 0;
    const interval = samples > 0 ? (profile.endTime - profile.startTime) / samples / 1000 : 0;
    const byArea = new Map<string, number>();
    const byFunction = new Map<string, number>();
    let busy = 0;
    for (const node of profile.nodes) {
      const { url, functionName, lineNumber } = node.callFrame;
      const area = areaOf(url, functionName);
      const self = (node.hitCount ?? 0) * interval;
      if (area === null || self === 0) continue;
      busy += self;
      byArea.set(area, (byArea.get(area) ?? 0) + self);
      // Line numbers of src/ files are tsx's transformed output, not the source: left out there.
      const line = url.includes("/node_modules/") || url.startsWith("node:") ? `:${lineNumber + 1}` : "";
      const name = url === "" ? `(${area})` : `${functionName || "(anonymous)"} ${shortUrl(url)}${line}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + self);
    }
    const areas = [...byArea]
      .map(([area, time]) => ({ area, percent: busy > 0 ? (100 * time) / busy : 0 }))
      .sort((a, b) => b.percent - a.percent)
      .slice(0, 16);
    const functions = [...byFunction]
      .map(([name, time]) => ({ name, percent: busy > 0 ? (100 * time) / busy : 0 }))
      .sort((a, b) => b.percent - a.percent)
      .slice(0, 20);
    return { totalMs: busy, areas, functions };
  } finally {
    await session.post("Profiler.disable").catch(() => undefined);
    session.disconnect();
  }
}
