/**
 * Properties of the reader over generated layouts (fast-check): the column order, title rows
 * above the header and the spelling of numbers do not change what is read.
 */
import fc from "fast-check";
import type { CellValue } from "../../src/workbook/plan";
import { readWorkbook } from "../../src/workbook/read";
import { book, sheet } from "./helpers";

const HEADER = ["学校名称", "学校类型", "小学在校生数（人）", "初中在校生数", "专任教师数", "教学仪器设备值（万元）", "学校章程"];
const ROWS: CellValue[][] = [
  ["甲小学", "小学", 500, null, 30, 120.5, "是"],
  ["乙学校", "九年一贯制学校", 400, 300, 60, 200, "否"],
  ["丙中学", "初中", null, 900, 70, 310.25, "是"],
];
const COUNTY = sheet("县级指标", [["项目", "数值"]]);

function read(rows: CellValue[][]) {
  const r = readWorkbook(book(sheet("学校数据", rows), COUNTY));
  // `source.row` legitimately moves with title rows; compare everything else.
  return { schools: r.dataset.schools.map(({ source: _s, ...rest }) => rest), issues: r.issues.map((i) => i.message) };
}

const reference = read([HEADER, ...ROWS]);

/** Full-width digits and thousands separators for a number, as a bureau might type it. */
function spell(n: number, style: number): CellValue {
  if (style === 0) return n;
  if (style === 1) return ` ${n} `;
  if (style === 2) return String(n).replace(/[0-9.]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
  return n.toLocaleString("en-US", { maximumFractionDigits: 10 });
}

describe("reader properties", () => {
  it("any column order, 0–5 title rows and any number spelling read the same schools", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6], { minLength: 7, maxLength: 7 }),
        fc.integer({ min: 0, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 21, maxLength: 21 }),
        (order, titles, styles) => {
          const titleRows: CellValue[][] = Array.from({ length: titles }, (_, i) => [`标题第${i + 1}行`]);
          const rows = [HEADER, ...ROWS].map((row, r) =>
            order.map((c) => {
              const v = row[c];
              return r > 0 && typeof v === "number" ? spell(v, styles[(r - 1) * 7 + c]) : v;
            }),
          );
          expect(read([...titleRows, ...rows])).toEqual(reference);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("the reader only reads", () => {
  it("works on a deeply frozen snapshot (it never writes into what the host gave it)", () => {
    const deepFreeze = <T>(o: T): T => {
      if (o && typeof o === "object") {
        Object.values(o as object).forEach(deepFreeze);
        Object.freeze(o);
      }
      return o;
    };
    const snap = deepFreeze(book(sheet("学校数据", [HEADER, ...ROWS, ["丁小学", "小学", 100, 50, 5000, 1, "是"]]), sheet("县级指标", [["项目", "数值"], ["指标214：优质高中招生总数", "3,445"]])));
    const r = readWorkbook(snap);
    expect(r.dataset.schools).toHaveLength(4);
    // A leading 指标编号 in the item name is ignored.
    expect(r.dataset.county.numbers.qualityHighSchoolAdmissions).toBe(3445);
  });
});
