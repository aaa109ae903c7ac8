/**
 * WPS host figures: ET calls per assessment (every property read or write and every method call
 * the host makes, counted by the fake ET) for 100, 1 000 and 5 000 schools, read and write apart,
 * through the real engine/reader/renderer; the same with bulk Value2 writes missing (the row-block
 * fallback of builds without them); and the time of one assessment through the adapter (fake ET,
 * so our own cost, not WPS's).
 *
 * Reading is constant in the number of schools, and so is writing with bulk writes (both checked):
 * one call per value block, format run and rule. Nothing of the plan is scattered per school: the
 * status colours of 监测点指标, 问题清单 and 数据问题 and the mixed number formats of 问题清单's
 * 数值 are conditional formats over whole columns (a fixed number of rules); what fills remain are
 * the fixed verdict lines of 差异系数 and 评估汇总. The write count still differs by a call or two
 * where the content does (one more verdict line, merged, when the county has one more blocker).
 * Without bulk writes (the fallback of builds that lack them) values go row by row: that count
 * grows with the schools, as it must, and is reported, not checked.
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
  console.log("schools | bulk writes | ET calls (read + write) | fill and number-format calls (fixed runs); the rest | top members | time");
  const rows: [number, "on" | "firstRow"][] = [
    [100, "on"],
    [1000, "on"],
    [5000, "on"],
    [100, "firstRow"],
    [5000, "firstRow"],
  ];
  const totals = new Map<number, { read: number; write: number }>();
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
    // Each fill is Range + Interior + Color= (3 calls), each number-format run Range + NumberFormat= (2).
    const fills = (et.byName.get("Interior.Color=") ?? 0) + (et.byName.get("Interior.ColorIndex=") ?? 0);
    const formats = et.byName.get("Range.NumberFormat=") ?? 0;
    const scattered = `${fills} fills, ${formats} formats; all other calls ${et.calls - 3 * fills - 2 * formats}`;
    console.log(
      `${String(n).padStart(7)} | ${bulkWrites === "on" ? "yes" : "no (rows)"} | ${et.calls} (${c.readCalls()} + ${et.calls - c.readCalls()}) | ${scattered} | ${top} | ${ms.toFixed(0)} ms`,
    );
    if (bulkWrites === "on") totals.set(n, { read: c.readCalls(), write: et.calls - c.readCalls() });
  }
  const reads = [...totals.values()].map((t) => t.read);
  if (Math.max(...reads) !== Math.min(...reads)) throw new Error(`ET read calls grow with the number of schools: ${reads.join(", ")}`);
  const writes = [...totals.values()].map((t) => t.write);
  if (totals.get(5000)!.write !== totals.get(1000)!.write || Math.max(...writes) - Math.min(...writes) > 5) {
    throw new Error(`ET write calls grow with the number of schools: ${writes.join(", ")}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
