/**
 * Office host figures for 100, 1 000 and 5 000 schools, through the real engine/reader/renderer:
 * - against the fake Excel: syncs per assessment, operations queued, the largest request/response
 *   per sync as the fake counts them (the UTF-8 JSON of what it sends and returns), and the time of one
 *   assessment through the adapter (fake Excel, so this is our own cost, not Excel's);
 * - with Microsoft's real Excel client (@microsoft/office-js in jsdom, recording request executor:
 *   test/office-js/realExcel.ts): the real request bytes of each write batch OfficeHost sends for the
 *   same plan, beside the scheduler's estimate. Excel on the web rejects a request over 5 MB.
 */
import { assessWorkbook } from "../src/workbook/run";
import { MAX_REQUEST_BYTES, capabilities } from "../src/hosts/office";
import { countyDoc, hostFor } from "../test/hosts-office/helpers";
import { measureWrite, recordApplies } from "../test/office-js/realExcel";

const MiB = 1024 * 1024;
const WEB_LIMIT = 5 * 1000 * 1000;
const mib = (b: number) => (b / MiB).toFixed(2);

async function main(): Promise<void> {
  console.log("schools | syncs (read+write) | operations queued | largest request (fake) | largest response | total sent | time");
  const real: string[] = [];
  for (const [n, apiVersion] of [[100, "1.18"], [1000, "1.18"], [5000, "1.18"], [100, "1.7"], [1000, "1.7"], [5000, "1.7"]] as const) {
    const doc = countyDoc(n, { seed: 5, apiVersion });
    const host = hostFor(doc);
    const applied = recordApplies(host, () => doc.sheets.map((s) => s.name));
    doc.resetCounters();
    const t0 = performance.now();
    await assessWorkbook(host);
    const ms = performance.now() - t0;
    const total = doc.syncs.reduce((s, x) => s + x.requestBytes, 0);
    const write = host.lastApply?.syncs ?? 0;
    const ops = doc.syncs.reduce((s, x) => s + x.ops, 0);
    const label = `${String(n).padStart(7)}${apiVersion === "1.7" ? " (ExcelApi 1.7)" : ""}`;
    console.log(
      `${label} | ${doc.syncs.length} (${doc.syncs.length - write}+${write}) | ${ops}` +
        ` | ${mib(doc.maxRequestBytes())} MiB | ${mib(doc.maxResponseBytes())} MiB | ${mib(total)} MiB | ${ms.toFixed(0)} ms`,
    );
    if (doc.maxRequestBytes() > MAX_REQUEST_BYTES) throw new Error("a request exceeded 4 MB");
    const { plan, existing } = applied();
    const batches = await measureWrite(plan, existing, capabilities((v) => doc.supports(v)));
    real.push(`${label} | ${batches.length} | ${batches.map((b) => `${mib(b.real)} (${mib(b.estimate)})`).join(" · ")} MiB`);
    for (const b of batches) {
      if (b.real > b.estimate) throw new Error(`${label}: a real request (${b.real} bytes) is over its estimate (${b.estimate})`);
      if (b.real >= WEB_LIMIT) throw new Error(`${label}: a real request (${b.real} bytes) is over Excel on the web's 5 MB`);
    }
  }
  console.log("\nreal Office.js write requests (@microsoft/office-js client) — schools | write syncs | each request: real (estimate)");
  for (const line of real) console.log(line);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
