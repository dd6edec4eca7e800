/**
 * A server on 127.0.0.1 that a sandboxed snippet must never reach: it counts every
 * HTTP request and every WebSocket upgrade it receives. It answers as a willing
 * server would (CORS and CORP open, a module for import(), an event stream), so a
 * request that got through would also succeed: nothing but the sandbox stops it.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export class ProbeServer {
  /** "GET /fetch", "UPGRADE /ws"...: what arrived, in order. */
  readonly received: string[] = [];
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<ProbeServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const probe = new ProbeServer(server, (server.address() as AddressInfo).port);
    server.on("request", (req, res) => {
      probe.record("", req);
      res.setHeader("Access-Control-Allow-Origin", "*");
      res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
      if (req.url?.startsWith("/events")) {
        res.setHeader("Content-Type", "text/event-stream");
        res.end("data: hello\n\n");
        return;
      }
      res.setHeader("Content-Type", "text/javascript");
      res.end("export default 1;\n");
    });
    server.on("upgrade", (req: IncomingMessage, socket) => {
      probe.record("UPGRADE ", req);
      socket.destroy();
    });
    return probe;
  }

  /** http://127.0.0.1:PORT */
  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  reset(): void {
    this.received.length = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private record(prefix: string, req: IncomingMessage): void {
    this.received.push(`${prefix || `${req.method} `}${req.url}`);
  }
}
