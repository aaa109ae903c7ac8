/**
 * Office host figures: syncs per assessment and the largest request/response per sync, for 100,
 * 1 000 and 5 000 schools, through the real engine/reader/renderer against the fake Excel (which
 * measures each sync's payload as the UTF-8 JSON of what it sends and returns). Also the time of
 * one assessment through the adapter (fake Excel, so this is our own cost, not Excel's).
 */
import { assessWorkbook } from "../src/workbook/run";
import { MAX_REQUEST_BYTES } from "../src/hosts/office";
import { countyDoc, hostFor } from "../test/hosts-office/helpers";

const MiB = 1024 * 1024;

async function main(): Promise<void> {
  console.log("schools | syncs (read+write) | operations queued | largest request | largest response | total sent | time");
  for (const [n, apiVersion] of [[100, "1.18"], [1000, "1.18"], [5000, "1.18"], [5000, "1.7"]] as const) {
    const doc = countyDoc(n, { seed: 5, apiVersion });
    const host = hostFor(doc);
    doc.resetCounters();
    const t0 = performance.now();
    await assessWorkbook(host);
    const ms = performance.now() - t0;
    const total = doc.syncs.reduce((s, x) => s + x.requestBytes, 0);
    const write = host.lastApply?.syncs ?? 0;
    const ops = doc.syncs.reduce((s, x) => s + x.ops, 0);
    console.log(
      `${String(n).padStart(7)}${apiVersion === "1.7" ? " (ExcelApi 1.7)" : ""} | ${doc.syncs.length} (${doc.syncs.length - write}+${write}) | ${ops}` +
        ` | ${(doc.maxRequestBytes() / MiB).toFixed(2)} MiB | ${(doc.maxResponseBytes() / MiB).toFixed(2)} MiB | ${(total / MiB).toFixed(2)} MiB | ${ms.toFixed(0)} ms`,
    );
    if (doc.maxRequestBytes() > MAX_REQUEST_BYTES) throw new Error("a request exceeded 4 MB");
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
