// A loopback pass-through proxy that can hold requests: while holding, requests wait here
// (nothing reaches the upstream) until release(). Figure (d) puts it in front of Stuller so
// 1,000 queries stay in flight holding every other provider's answer.
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface HoldProxy {
  readonly url: string;
  hold(on: boolean): void;
  readonly held: number;
  close(): Promise<void>;
}

export async function startHoldProxy(target: string): Promise<HoldProxy> {
  const upstream = new URL(target);
  let holding = false;
  let waiting: Array<() => void> = [];
  const sockets = new Set<Socket>();

  function forward(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const out = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on("error", () => res.destroy());
    out.end(body);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const go = () => forward(req, res, Buffer.concat(chunks));
      if (holding) waiting.push(go);
      else go();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hold(on) {
      holding = on;
      if (on) return;
      const released = waiting;
      waiting = [];
      for (const go of released) go();
    },
    get held() {
      return waiting.length;
    },
    async close() {
      waiting = [];
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
