/** Running the built command line as a user does (node bin/junheng.js …), for the CLI tests. */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";

export const root = path.resolve(__dirname, "../..");
const bin = path.join(root, "bin", "junheng.js");

/** Builds dist/node as `npm run build:cli` does (the tests exercise the compiled program). */
export function buildCli(): void {
  const tsc = require.resolve("typescript/bin/tsc");
  spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.cli.json")], { cwd: root, stdio: "ignore" });
}

/** Runs `junheng args…` in `cwd`: exit code, stdout, stderr. */
export function runJunheng(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export const sha = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");
