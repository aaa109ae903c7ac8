/**
 * 多县汇总 benchmark: `junheng summary` over 50 county workbooks of 300 schools each (generated .xlsx
 * files on disk, test/workbook-render/fixtures), run as a user runs it (the built CLI, one process),
 * writing the 汇总 workbook and the JSON. Target: < 30 s. Run alone:
 * npm run build:cli && npx tsx bench/summary.bench.ts [counties] [schools]
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { loadavg, tmpdir } from "os";
import { join } from "path";
import { buildWorkbook, COUNTY_ITEMS_OK, makeSchools, toBytes } from "../test/workbook-render/fixtures";
import { ROOT } from "./compiled";

const COUNTIES = Number(process.argv[2] ?? 50);
const SCHOOLS = Number(process.argv[3] ?? 300);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "junheng-summary-"));
  try {
    const t0 = performance.now();
    const files: string[] = [];
    for (let i = 0; i < COUNTIES; i++) {
      const county = COUNTY_ITEMS_OK.map(([k, v]): [string, string | number | boolean | null] => [k, k === "县（区）名称" ? `第${i + 1}县` : v]);
      const file = join(dir, `county-${i + 1}.xlsx`);
      writeFileSync(file, await toBytes(buildWorkbook(makeSchools(SCHOOLS, 100 + i, 0.05), { county })));
      files.push(file);
    }
    const genMs = performance.now() - t0;
    const t1 = performance.now();
    const r = spawnSync(process.execPath, [join(ROOT, "bin/junheng.js"), "summary", ...files, "-o", join(dir, "汇总.xlsx"), "--json", join(dir, "s.json")], {
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    });
    const ms = performance.now() - t1;
    if (r.status !== 0) throw new Error(`junheng summary failed (exit ${r.status}): ${r.stderr}`);
    const rows = JSON.parse(readFileSync(join(dir, "s.json"), "utf8")).counties as { verdict: string | null }[];
    const ok = rows.filter((x) => x.verdict !== null).length;
    console.log(`summary: ${COUNTIES} county workbooks × ${SCHOOLS} schools (generated in ${(genMs / 1000).toFixed(1)} s; load average ${loadavg()[0].toFixed(1)})`);
    console.log(`  junheng summary (one process, all files, writes 汇总.xlsx and JSON): ${(ms / 1000).toFixed(1)} s, ${(ms / COUNTIES).toFixed(0)} ms per county; ${ok}/${rows.length} assessed`);
    console.log(`  target: < 30 s → ${ms < 30_000 && ok === COUNTIES ? "ok" : "SLOW"}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
