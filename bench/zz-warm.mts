import { BenchChild, killAllChildren, pinSelf } from "./lib/rpc.js";
import type { SimsInfo, ServerStarted } from "./lib/types.js";
import { lookupBody, QUERY_PURCHASE_ORDERS } from "./lib/data.js";
import { closedLoop } from "./lib/load.js";
pinSelf(1);
try {
  const sims = await BenchChild.start("sims", "sims.ts", { core: 1 });
  const info = await sims.call<SimsInfo>("info");
  const srv = await BenchChild.start("real", "server.ts", { core: 0, env: { LOG_LEVEL: "info" } });
  const r = await srv.call<ServerStarted>("start", { mode: "real", sims: info, budgets: "production" });
  const target = { url: r.urls["subgraph"]!, body: lookupBody(QUERY_PURCHASE_ORDERS) };
  const out: string[] = [];
  for (let i = 0; i < 20; i++) out.push((await closedLoop(target, { concurrency: 16, warmupMs: 0, durationMs: 2000 })).qps.toFixed(0));
  console.log(out.join(" "));
} finally { await killAllChildren(); }
