/**
 * Report benchmark: the 自查自评报告 .docx (outline + two PNG charts + docx packing) for a county
 * of 1 000 schools, and the 导出上报 workbook of the same county. The county is the sample
 * workbook's schools (examples/sample-county.xlsx, read by the real reader) repeated with new
 * names up to 1 000 rows. Target: report < 2 s. Prints median of several runs and memory.
 * Run alone: node --import tsx --expose-gc bench/report.bench.ts
 */
import { readFileSync } from "fs";
import { join } from "path";
import { assess } from "../src/engine";
import { XlsxHost } from "../src/hosts/xlsx";
import { buildReportDocx } from "../src/report/docx";
import { buildReportOutline } from "../src/report/sentences";
import { exportWorkbook } from "../src/report/workbook";
import { INPUT_SHEETS, readWorkbook } from "../src/workbook/read";
import { renderAssessment } from "../src/workbook/render";
import type { ReadResult } from "../src/workbook/contract";

const SCHOOLS = 1000;
const RUNS = 5;

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function county(): Promise<ReadResult> {
  const host = await XlsxHost.load(new Uint8Array(readFileSync(join(__dirname, "../examples/sample-county.xlsx"))));
  const read = readWorkbook(await host.read(INPUT_SHEETS));
  const base = read.dataset.schools;
  const schools = Array.from({ length: SCHOOLS }, (_, i) => {
    const s = base[i % base.length];
    return { ...s, name: i < base.length ? s.name : `${s.name}${Math.floor(i / base.length) + 1}`, source: undefined };
  });
  return { ...read, dataset: { ...read.dataset, schools } };
}

async function median(f: () => Promise<unknown>): Promise<{ median: number; min: number; max: number }> {
  await f(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    gc();
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(RUNS / 2)], min: times[0], max: times[RUNS - 1] };
}

async function main(): Promise<void> {
  const read = await county();
  const assessment = assess(read.dataset);
  const units = assessment.units.filter((u) => u.included).length;
  let size = 0;
  const outline = await median(async () => buildReportOutline(assessment, read));
  const docx = await median(async () => {
    size = (await buildReportDocx(assessment, read)).length;
  });
  // Export: an assessed workbook of the 1 000 schools (written by the real renderer), then the export.
  const host = XlsxHost.create();
  const plan = renderAssessment(assessment, read);
  await host.apply(plan);
  let exportSize = 0;
  const exp = await median(async () => {
    exportSize = (await exportWorkbook(host, { assessment, read, plan })).length;
  });
  const peak = process.resourceUsage().maxRSS * 1024;
  const f = (m: { median: number; min: number; max: number }) => `${m.median.toFixed(0)} ms (min ${m.min.toFixed(0)}, max ${m.max.toFixed(0)})`;
  console.log(`report: ${SCHOOLS} schools, ${units} included units`);
  console.log(`  outline (sentences, tables)      median of ${RUNS}: ${f(outline)}`);
  console.log(`  buildReportDocx (+ PNGs, docx)   median of ${RUNS}: ${f(docx)}, ${(size / 1024).toFixed(0)} KiB`);
  console.log(`  exportWorkbook (xlsx + charts)   median of ${RUNS}: ${f(exp)}, ${(exportSize / 1024).toFixed(0)} KiB`);
  console.log(`  peak RSS ${mb(peak)} MB`);
  console.log(`  target: report < 2000 ms → ${docx.median < 2000 ? "ok" : "SLOW"}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
