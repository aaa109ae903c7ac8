/** The static server behind `npm start` (web mode) and the browser tests. */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveStatic } = require("../../scripts/static-server.js") as {
  serveStatic(dir: string, opts?: { port?: number; host?: string }): Promise<{ url: string; port: number; close(): Promise<void> }>;
};

function request(port: number, rawPath: string, method = "GET"): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: rawPath, method }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), body }));
    });
    req.on("error", reject);
    req.end();
  });
}

let dir: string;
let server: { url: string; port: number; close(): Promise<void> };

beforeAll(async () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-static-"));
  dir = path.join(base, "dist");
  fs.mkdirSync(path.join(dir, "assets"), { recursive: true });
  fs.writeFileSync(path.join(dir, "taskpane.html"), "<!doctype html><title>面板</title>");
  fs.writeFileSync(path.join(dir, "assets", "sample.xlsx"), "PK");
  fs.writeFileSync(path.join(base, "secret.txt"), "outside dist");
  server = await serveStatic(dir, { port: 0 });
});
afterAll(() => server.close());

test("serves the pane at / and by name, on the loopback address", async () => {
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  const root = await request(server.port, "/");
  expect([root.status, root.type, root.body]).toEqual([200, "text/html; charset=utf-8", "<!doctype html><title>面板</title>"]);
  const xlsx = await request(server.port, "/assets/sample.xlsx");
  expect([xlsx.status, xlsx.type]).toEqual([200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]);
});

test("never serves files outside its folder, and only GET/HEAD", async () => {
  expect((await request(server.port, "/../secret.txt")).status).toBe(404);
  expect((await request(server.port, "/%2e%2e/secret.txt")).status).toBe(404);
  expect((await request(server.port, "/nope.js")).status).toBe(404);
  expect((await request(server.port, "/taskpane.html", "POST")).status).toBe(405);
  const head = await request(server.port, "/taskpane.html", "HEAD");
  expect([head.status, head.body]).toEqual([200, ""]);
});
