/**
 * Reading benchmark (issue 9): the same 3 000 schools as a statistics export (3-row merged header,
 * components, codes, money in 元; scripts/lib/export-layout.ts) and in the template layout. The
 * export must be read within 1.2× the template's time. "read" is the product's part: the host
 * snapshot of the sheets (XlsxHost.read, finding the data by content) and readWorkbook (header
 * paths, derived numerators, units); opening the package (XlsxHost.load: the zip index; parts
 * are inflated when read) is reported beside it. Both files are written by exceljs.
 * Runs alternate (and which goes first), each after a full collection; the fastest of each is
 * kept (the machine is shared).
 *
 * Run: npm run build:cli && npx tsx bench/layouts.bench.ts [schools]   (default 3000)
 */
import type { XlsxHost as XlsxHostClass } from "../src/hosts/xlsx";
import type { readHost as readHostFn } from "../src/workbook/run";
import { exportPlan } from "../scripts/lib/export-layout";
import { buildWorkbook, fromBytes, makeSchools, toBytes } from "../test/workbook-render/fixtures";
import { compiledModule } from "./compiled";

const { XlsxHost } = compiledModule<{ XlsxHost: typeof XlsxHostClass }>("hosts/xlsx/index", ["hosts/xlsx", "workbook", "engine"]);
const { readHost } = compiledModule<{ readHost: typeof readHostFn }>("workbook/run", ["workbook", "engine"]);

const SCHOOLS = Number(process.argv[2] ?? 3000);
const LIMIT = 1.2;
const RUNS = 15;
const now = () => performance.now();

async function measure(bytes: Uint8Array): Promise<{ load: number; read: number; schools: number; kind: string }> {
  let t = now();
  const host = await XlsxHost.load(bytes);
  const load = now() - t;
  t = now();
  const r = await readHost(host);
  return { load, read: now() - t, schools: r.dataset.schools.length, kind: r.layout.kind };
}

async function main() {
  const templateBytes = await toBytes(buildWorkbook(makeSchools(SCHOOLS, 2024, 0.05), { titleRows: 1, groupRow: true }));
  // The same schools as the reader sees them, written out in the export layout.
  const records = (await readHost(await XlsxHost.load(templateBytes))).dataset.schools;
  const out = XlsxHost.create();
  await out.apply(exportPlan(records, { sheets: [] }, "某某县2024年义务教育学校基础数据"));
  // Saved once more by exceljs, as the template is: both files then hold their texts the way
  // Excel and WPS write them on saving (a shared-string table), not as the inline strings of the
  // product's own writer, so the comparison is of the layouts, not of two string encodings.
  const exportBytes = await toBytes(await fromBytes(await out.save()));
  console.log(`${SCHOOLS} schools: template ${(templateBytes.byteLength / 1024).toFixed(0)} KiB, statistics export ${(exportBytes.byteLength / 1024).toFixed(0)} KiB`);

  const runs: Record<"template" | "export", Awaited<ReturnType<typeof measure>>[]> = { template: [], export: [] };
  // Alternating which goes first, with a full collection before each run (bench/run.ts passes
  // --expose-gc), so that neither file pays for the garbage the other left behind.
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  for (let i = 0; i < RUNS; i++) {
    for (const k of i % 2 === 0 ? (["template", "export"] as const) : (["export", "template"] as const)) {
      gc();
      runs[k].push(await measure(k === "template" ? templateBytes : exportBytes));
    }
  }
  const best = (k: "template" | "export", f: "load" | "read") => Math.min(...runs[k].map((x) => x[f]));
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  for (const k of ["template", "export"] as const) {
    const r = runs[k][0];
    console.log(`${k}: ${r.kind}, ${r.schools} schools; read ${ms(best(k, "read"))} (runs ${runs[k].map((x) => x.read.toFixed(0)).join(", ")}), package open ${ms(best(k, "load"))}`);
  }
  const ratio = best("export", "read") / best("template", "read");
  const ratioAll = (best("export", "read") + best("export", "load")) / (best("template", "read") + best("template", "load"));
  console.log(`ratio export/template: read ${ratio.toFixed(2)} (limit ${LIMIT}); load+read ${ratioAll.toFixed(2)}`);
  if (runs.export[0].schools !== runs.template[0].schools) {
    console.error("FAIL: the export did not give the same schools");
    process.exitCode = 1;
  }
  if (ratio > LIMIT) {
    console.error(`FAIL: reading the statistics export takes ${ratio.toFixed(2)}× the template (limit ${LIMIT}×)`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
