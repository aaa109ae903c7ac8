/**
 * `npm run bench`: runs every bench/*.bench.ts in its own Node process (so one benchmark's heap
 * never weighs on another's figures), prints its output, then its wall time and peak RSS.
 * Exit code 1 when a benchmark fails.
 */
import { spawnSync } from "child_process";
import { readdirSync } from "fs";
import { join, relative } from "path";

const benchDir = __dirname;
const root = join(benchDir, "..");
// Printed by the child on exit: its own peak resident set (KiB), from getrusage.
const PEAK_MARK = "__bench_peak_rss_kib=";
const peakHook = `data:text/javascript,process.on("exit",()=>process.stderr.write("\\n${PEAK_MARK}"+process.resourceUsage().maxRSS+"\\n"))`;

const only = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

// The engine bench measures the compiled engine (dist/node): build it from the current sources.
const build = spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "--silent", "build:cli"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) {
  console.error("npm run build:cli failed");
  process.exit(1);
}

let failed = 0;
for (const f of files) {
  const file = join(benchDir, f);
  console.log(`\n=== ${relative(root, file)} ===`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ["--import", "tsx", "--import", peakHook, "--expose-gc", file], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = Date.now() - t0;
  process.stdout.write(r.stdout ?? "");
  const stderr = r.stderr ?? "";
  const m = new RegExp(`${PEAK_MARK}(\\d+)`).exec(stderr);
  const rest = stderr.replace(new RegExp(`\\n?${PEAK_MARK}\\d+\\n?`), "");
  if (rest.trim()) process.stderr.write(rest);
  const peak = m ? `${(Number(m[1]) / 1024).toFixed(1)} MB` : "unknown";
  const ok = r.status === 0;
  if (!ok) failed++;
  console.log(`--- ${f}: ${ok ? "ok" : `FAILED (exit ${r.status ?? r.signal})`}, process wall time ${wall} ms, peak RSS ${peak}`);
}
console.log(`\nbenchmarks: ${files.length - failed} ok, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
