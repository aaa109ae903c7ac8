/** Getting the report to the user: the choice per host, dialog messages, the report-as-sheet fallback. */
import { chooseDelivery, dialogMessages, fromBase64, reportSheetPlan, DIALOG_PART, REPORT_SHEET, type DialogMessage } from "../../src/report/deliver";
import { buildReportOutline } from "../../src/report/sentences";
import { XlsxHost } from "../../src/hosts/xlsx";
import { assessedFixture } from "./helpers";

test("delivery per host (docs/report.md)", () => {
  expect(chooseDelivery({ inOffice: false })).toBe("download");
  expect(chooseDelivery({ inOffice: true, platform: "OfficeOnline" })).toBe("download");
  expect(chooseDelivery({ inOffice: true, platform: "PC", dialogApi12: true })).toBe("dialog");
  expect(chooseDelivery({ inOffice: true, platform: "PC", dialogApi12: false })).toBe("download");
  expect(chooseDelivery({ inOffice: true, platform: "Mac", dialogApi12: true })).toBe("sheet");
  expect(chooseDelivery({ inOffice: true, platform: "iOS" })).toBe("sheet");
});

test("dialog messages split a file in parts that reassemble to the same bytes", () => {
  const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
  const msgs = dialogMessages(bytes, "报告.docx", "application/x-test").map((m) => JSON.parse(m) as DialogMessage);
  // 100 000 bytes → 133 336 base64 characters → 5 parts of at most 30 000.
  expect(msgs).toHaveLength(Math.ceil(133_336 / DIALOG_PART));
  const data = msgs.map((m) => (m.kind === "file" ? m.data : "")).join("");
  expect([...fromBase64(data)]).toEqual([...bytes]);
  expect(msgs.every((m) => m.kind === "file" && m.name === "报告.docx" && m.parts === msgs.length)).toBe(true);
});

test("the report as a sheet (Excel on Mac): every paragraph on its own row, written as text", async () => {
  const { run } = await assessedFixture();
  const outline = buildReportOutline(run.assessment, run.read);
  const plan = reportSheetPlan(outline);
  expect(plan.name).toBe(REPORT_SHEET);
  const host = XlsxHost.create();
  await host.apply({ sheets: [plan] });
  const snap = await host.read([REPORT_SHEET]);
  const col = snap.sheets[0].values.map((r) => r[0]);
  expect(col[0]).toBe("测试区人民政府");
  expect(col).toContain("一、基本情况");
  expect(col.some((v) => typeof v === "string" && v.includes("指标到校比例为71.2%"))).toBe(true);
  expect(plan.blocks.every((b) => b.textOnly)).toBe(true);
});
