// Known cost: the HTTP client. src/http/transport.ts calls undici's request() through an
// Agent; the alternatives are undici's fetch() (same package) and Node's global fetch (the
// undici bundled with Node). Each client makes the same GETs of a ~3 KB JSON answer from a
// loopback responder on the other core, `concurrency` at a time, and reads the body as text.
// The figure is CPU time per request in this process (the client's own cost), interleaved
// rounds, median.
import { Agent, fetch as undiciFetch, request } from "undici";

export interface ClientCost {
  readonly client: string;
  readonly cpuMicrosPerRequest: number;
  readonly wallMicrosPerRequest: number;
}

type Get = (url: string) => Promise<string>;

async function drive(get: Get, url: string, total: number, concurrency: number): Promise<{ cpu: number; wall: number }> {
  let issued = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (issued < total) {
        issued += 1;
        const text = await get(url);
        if (text.length < 100) throw new Error("the responder answered an unexpectedly short body");
      }
    }),
  );
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { cpu: (cpu.user + cpu.system) / total, wall: (wall * 1000) / total };
}

export async function compareClients(url: string, options: { requests: number; concurrency: number; rounds: number }): Promise<ClientCost[]> {
  const agent = new Agent({ connectTimeout: 3_000, headersTimeout: 8_000, bodyTimeout: 8_000 });
  const clients: Record<string, Get> = {
    "undici.request (as src/http/transport.ts)": async (u) => {
      const res = await request(u, { method: "GET", dispatcher: agent });
      return res.body.text();
    },
    "undici.fetch (undici 7 package)": async (u) => (await undiciFetch(u, { dispatcher: agent })).text(),
    "global fetch (Node's bundled undici)": async (u) => (await fetch(u)).text(),
  };
  const samples = new Map<string, Array<{ cpu: number; wall: number }>>();
  try {
    // One warm-up pass per client, then interleaved measured rounds.
    for (const get of Object.values(clients)) await drive(get, url, Math.min(500, options.requests), options.concurrency);
    for (let round = 0; round < options.rounds; round++) {
      for (const [name, get] of Object.entries(clients)) {
        const list = samples.get(name) ?? [];
        list.push(await drive(get, url, options.requests, options.concurrency));
        samples.set(name, list);
      }
    }
  } finally {
    await agent.close();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  return [...samples].map(([client, list]) => ({
    client,
    cpuMicrosPerRequest: median(list.map((s) => s.cpu)),
    wallMicrosPerRequest: median(list.map((s) => s.wall)),
  }));
}
