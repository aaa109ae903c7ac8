/**
 * WPS host figures: ET calls per assessment (every property read or write and every method call
 * the host makes, counted by the fake ET) for 100, 1 000 and 5 000 schools, read and write apart,
 * through the real engine/reader/renderer; the same with bulk Value2 writes missing (the row-block
 * fallback of builds without them); and the time of one assessment through the adapter (fake ET,
 * so our own cost, not WPS's).
 *
 * Reading is constant in the number of schools (checked). Writing is one call per value block and
 * per format run, except for what the plan itself scatters per school: fills of single cells and
 * number formats that change from row to row of 问题清单, which ET can only take as multi-area
 * addresses of at most 255 characters (about 25 runs a call). Those are listed apart (docs/wps.md).
 */
import { assessWorkbook } from "../src/workbook/run";
import type { WorkbookHost } from "../src/workbook/port";
import { countyBook, wpsFor } from "../test/hosts-wps/helpers";
import type { FakeEt } from "../test/fakes/fakeEt";

/** Splits the fake's call count at the end of read. */
function counted(host: WorkbookHost, et: FakeEt): { host: WorkbookHost; readCalls: () => number } {
  let read = 0;
  return {
    host: {
      read: async (names) => {
        const snap = await host.read(names);
        read = et.calls;
        return snap;
      },
      apply: (plan) => host.apply(plan),
    },
    readCalls: () => read,
  };
}

async function main(): Promise<void> {
  console.log("schools | bulk writes | ET calls (read + write) | fill and number-format calls; the rest | top members | time");
  const rows: [number, "on" | "firstRow"][] = [
    [100, "on"],
    [1000, "on"],
    [5000, "on"],
    [100, "firstRow"],
    [5000, "firstRow"],
  ];
  const totals = new Map<number, number>();
  for (const [n, bulkWrites] of rows) {
    const { et, host } = wpsFor(countyBook(n, { seed: 5 }), { bulkWrites });
    const c = counted(host, et);
    const t0 = performance.now();
    await assessWorkbook(c.host);
    const ms = performance.now() - t0;
    const top = [...et.byName.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    // Each scattered fill is Range + Interior + Color= (3 calls), each number-format group Range + NumberFormat= (2).
    const fills = (et.byName.get("Interior.Color=") ?? 0) + (et.byName.get("Interior.ColorIndex=") ?? 0);
    const formats = et.byName.get("Range.NumberFormat=") ?? 0;
    const scattered = `${fills} fills, ${formats} formats; all other calls ${et.calls - 3 * fills - 2 * formats}`;
    console.log(
      `${String(n).padStart(7)} | ${bulkWrites === "on" ? "yes" : "no (rows)"} | ${et.calls} (${c.readCalls()} + ${et.calls - c.readCalls()}) | ${scattered} | ${top} | ${ms.toFixed(0)} ms`,
    );
    if (bulkWrites === "on") totals.set(n, c.readCalls());
  }
  const reads = [...totals.values()];
  if (Math.max(...reads) !== Math.min(...reads)) throw new Error(`ET read calls grow with the number of schools: ${reads.join(", ")}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
