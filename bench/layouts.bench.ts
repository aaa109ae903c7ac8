/**
 * Reading benchmark (issue 9): the same 3 000 schools as a statistics export (3-row merged header,
 * components, codes, money in 元; scripts/lib/export-layout.ts) and in the template layout. The
 * export must be read within 1.2× the template's time. "read" is the product's part: the host
 * snapshot of the sheets (XlsxHost.read, finding the data by content) and readWorkbook (header
 * paths, derived numerators, units); opening the package (XlsxHost.load: the zip index; parts
 * are inflated when read) is reported beside it. Both files are written by exceljs.
 *
 * The two files are made first, then timed in a bare Node process of their own
 * (bench/layouts-time.js, the compiled modules of dist/node, no tsx), as the command line reads a
 * workbook: neither the generator's heap (exceljs workbooks, the records) nor the tsx loader
 * weighs on the reading. There each file is read once untimed, then the runs alternate (and
 * which goes first), each after a full collection; this in 3 processes (the compiler's choices,
 * and so the speed of one process, differ from one process to the next). The fastest run of each
 * file and the median of each are reported, and the medians' ratio is checked (the machine is
 * shared: single runs vary by half, and the fastest run of a file by a fifth between invocations).
 *
 * Run: npm run build:cli && npx tsx bench/layouts.bench.ts [schools]   (default 3000)
 */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { XlsxHost as XlsxHostClass } from "../src/hosts/xlsx";
import type { readHost as readHostFn } from "../src/workbook/run";
import { compiledModule } from "./compiled";

const { XlsxHost } = compiledModule<{ XlsxHost: typeof XlsxHostClass }>("hosts/xlsx/index", ["hosts/xlsx", "workbook", "engine"]);
const { readHost } = compiledModule<{ readHost: typeof readHostFn }>("workbook/run", ["workbook", "engine"]);

const LIMIT = 1.2;
/** Timed runs per file in each timing process, and the processes (the JIT's choices differ from one process to the next). */
const RUNS = 20;
const PROCESSES = 3;
interface Run {
  load: number;
  read: number;
  schools: number;
  kind: string;
}
type Runs = Record<"template" | "export", Run[]>;

async function main(schools: number): Promise<void> {
  const { exportPlan } = await import("../scripts/lib/export-layout");
  const { buildWorkbook, fromBytes, makeSchools, toBytes } = await import("../test/workbook-render/fixtures");
  const templateBytes = await toBytes(buildWorkbook(makeSchools(schools, 2024, 0.05), { titleRows: 1, groupRow: true }));
  // The same schools as the reader sees them, written out in the export layout.
  const records = (await readHost(await XlsxHost.load(templateBytes))).dataset.schools;
  const out = XlsxHost.create();
  await out.apply(exportPlan(records, { sheets: [] }, "某某县2024年义务教育学校基础数据"));
  // Saved once more by exceljs, as the template is: both files then hold their texts the way
  // Excel and WPS write them on saving (a shared-string table), not as the inline strings of the
  // product's own writer, so the comparison is of the layouts, not of two string encodings.
  const exportBytes = await toBytes(await fromBytes(await out.save()));
  console.log(`${schools} schools: template ${(templateBytes.byteLength / 1024).toFixed(0)} KiB, statistics export ${(exportBytes.byteLength / 1024).toFixed(0)} KiB`);

  const dir = mkdtempSync(join(tmpdir(), "junheng-layouts-"));
  let runs: Runs;
  try {
    writeFileSync(join(dir, "template.xlsx"), templateBytes);
    writeFileSync(join(dir, "export.xlsx"), exportBytes);
    runs = { template: [], export: [] };
    for (let p = 0; p < PROCESSES; p++) {
      const child = spawnSync(process.execPath, ["--expose-gc", join(__dirname, "layouts-time.js"), dir, String(RUNS)], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
      if (child.status !== 0) throw new Error(`timing process failed: ${child.stderr}`);
      const got = JSON.parse(child.stdout) as Runs;
      runs.template.push(...got.template);
      runs.export.push(...got.export);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const best = (k: "template" | "export", f: "load" | "read") => Math.min(...runs[k].map((x) => x[f]));
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const median = (k: "template" | "export") => runs[k].map((x) => x.read).sort((a, b) => a - b)[runs[k].length >> 1];
  for (const k of ["template", "export"] as const) {
    const r = runs[k][0];
    console.log(`${k}: ${r.kind}, ${r.schools} schools; read ${ms(best(k, "read"))} (median ${ms(median(k))} of ${runs[k].length} runs), package open ${ms(best(k, "load"))}`);
  }
  // Checked on the medians: on this shared machine the fastest single run of one file swings by a
  // fifth from one invocation to the next (the ratio of fastest runs moved 1.12–1.34 over runs of
  // the same code), the median of 60 runs in 3 processes by a few percent. Both are printed.
  const ratio = median("export") / median("template");
  const fastest = best("export", "read") / best("template", "read");
  const ratioAll = (best("export", "read") + best("export", "load")) / (best("template", "read") + best("template", "load"));
  console.log(`ratio export/template: read ${ratio.toFixed(2)} by medians (limit ${LIMIT}); fastest runs ${fastest.toFixed(2)}; load+read (fastest) ${ratioAll.toFixed(2)}`);
  if (runs.export[0].schools !== runs.template[0].schools || runs.export[0].schools !== schools) {
    console.error("FAIL: the export did not give the same schools");
    process.exitCode = 1;
  }
  if (ratio > LIMIT) {
    console.error(`FAIL: reading the statistics export takes ${ratio.toFixed(2)}× the template (limit ${LIMIT}×)`);
    process.exitCode = 1;
  }
}

main(Number(process.argv[2] ?? 3000)).catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
