/**
 * The built app (dist/, which the specs' web server builds) on a plain static host
 * that sends no headers of its own: cross-origin isolation and the
 * Content-Security-Policy must then come from public/coi-serviceworker.js.
 */
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));
const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".ttf": "font/ttf",
  ".json": "application/json",
};

export class StaticHost {
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<StaticHost> {
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://host").pathname;
      const file = normalize(path === "/" ? "index.html" : path.slice(1));
      readFile(file.startsWith("..") ? "" : DIST + file).then(
        (body) => {
          res.setHeader("Content-Type", TYPES[extname(file)] ?? "application/octet-stream");
          res.end(body);
        },
        () => {
          res.statusCode = 404;
          res.end();
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return new StaticHost(server, (server.address() as AddressInfo).port);
  }

  /** Served on 127.0.0.1, a secure context, as service workers need. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
