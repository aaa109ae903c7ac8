/**
 * Test fixtures: real .xlsx workbooks written by exceljs, with messy layouts (titles, merged group
 * headers or none, shuffled columns, alias headers, notes columns), deterministic random schools,
 * and helpers to compare workbooks cell by cell. Shared by the render, host and CLI tests and by
 * bench/workbook.bench.ts.
 */
import * as ExcelJS from "exceljs";
import { mulberry32 } from "../../scripts/lib/prng";

export type Cell = string | number | boolean | null;
/** One school row keyed by canonical header (学校名称, 小学在校生数 …). */
export type SchoolRow = Record<string, Cell>;

/** A small deterministic PRNG (mulberry32), shared with the sample builder and the benches. */
export const rng = mulberry32;

/** Canonical headers in template order (the columns a generated school row may carry). */
export const HEADERS = [
  "学校代码", "学校名称", "学校类型", "办学性质", "城乡类别",
  "小学在校生数", "初中在校生数", "高中在校生数", "小学班级数", "初中班级数", "小学最大班额", "初中最大班额",
  "专任教师数", "小学高于规定学历教师数", "初中高于规定学历教师数", "小学骨干教师数", "初中骨干教师数",
  "小学体育艺术专任教师数", "初中体育艺术专任教师数", "持证专任教师数", "培训完成教师数",
  "教学及辅助用房面积", "体育运动场馆面积", "教学仪器设备值", "网络多媒体教室数",
  "音乐专用教室数", "美术专用教室数", "公用经费预算", "教师培训经费", "学校章程",
] as const;

/** Alias spellings the reader must accept (template.md §1), used by messy layouts. */
export const ALIASES: Record<string, string> = {
  学校名称: "校名",
  学校类型: "办学类型",
  小学在校生数: "小学学生数",
  初中骨干教师数: "初中县级及以上骨干教师数",
  小学体育艺术专任教师数: "小学体艺专任教师数",
  教学仪器设备值: "教学仪器设备值（万元）",
  教学及辅助用房面积: "教学及辅助用房面积(㎡)",
  持证专任教师数: "持有教师资格证专任教师数",
};

const TYPES = ["小学", "小学", "小学", "初中", "初中", "九年一贯制学校", "完全中学", "教学点", "十二年一贯制学校"] as const;

/**
 * Generated schools that mostly meet the national thresholds, with a share of shortfalls
 * (`shortRate`) so that every status occurs. Deterministic for a seed.
 */
export function makeSchools(n: number, seed = 1, shortRate = 0.15): SchoolRow[] {
  const rand = rng(seed);
  const between = (a: number, b: number) => a + (b - a) * rand();
  const factor = () => (rand() < shortRate ? between(0.7, 0.99) : between(1.02, 1.4));
  const out: SchoolRow[] = [];
  for (let i = 0; i < n; i++) {
    const type = TYPES[Math.floor(rand() * TYPES.length)];
    const hasP = type === "小学" || type === "九年一贯制学校" || type === "十二年一贯制学校" || type === "教学点";
    const hasJ = type === "初中" || type === "九年一贯制学校" || type === "完全中学" || type === "十二年一贯制学校";
    const hasS = type === "完全中学" || type === "十二年一贯制学校";
    const ps = hasP ? Math.round(type === "教学点" ? between(30, 120) : between(150, 1500)) : null;
    const js = hasJ ? Math.round(between(150, 1200)) : null;
    const ss = hasS ? Math.round(between(200, 900)) : null;
    const pmax = ps ? Math.round(rand() < shortRate ? between(46, 60) : between(30, 45)) : null;
    const jmax = js ? Math.round(rand() < shortRate ? between(51, 60) : between(35, 50)) : null;
    const pc = ps && pmax ? Math.max(1, Math.ceil(ps / (pmax * 0.9))) : null;
    const jc = js && jmax ? Math.max(1, Math.ceil(js / (jmax * 0.9))) : null;
    const total = (ps ?? 0) + (js ?? 0) * 1.1 + (ss ?? 0) * 1.32;
    const pq = ps ? Math.ceil((ps * 4.2 * factor()) / 100) : null;
    const jq = js ? Math.ceil((js * 5.3 * factor()) / 100) : null;
    const teachers = (pq ?? 0) + (jq ?? 0) + Math.round(between(0, 6));
    const rooms = Math.max(1, Math.ceil(((pc ?? 0) + (jc ?? 0)) / 12));
    const pub = Math.round(between(40, 400) * 100) / 100;
    const row: SchoolRow = {
      学校代码: String(5001100000 + i),
      学校名称: `第${i + 1}${type === "教学点" ? "教学点" : type === "初中" || type === "完全中学" ? "中学" : "学校"}`,
      学校类型: type,
      办学性质: rand() < 0.05 ? "民办" : "公办",
      城乡类别: ["城区", "镇区", "乡村"][Math.floor(rand() * 3)],
      小学在校生数: ps,
      初中在校生数: js,
      高中在校生数: ss,
      小学班级数: pc,
      初中班级数: jc,
      小学最大班额: pmax,
      初中最大班额: jmax,
      专任教师数: teachers,
      小学高于规定学历教师数: pq,
      初中高于规定学历教师数: jq,
      小学骨干教师数: ps ? Math.ceil((ps * 1.0 * factor()) / 100) : null,
      初中骨干教师数: js ? Math.ceil((js * 1.0 * factor()) / 100) : null,
      小学体育艺术专任教师数: ps ? Math.ceil((ps * 0.9 * factor()) / 100) : null,
      初中体育艺术专任教师数: js ? Math.ceil((js * 0.9 * factor()) / 100) : null,
      持证专任教师数: teachers,
      培训完成教师数: teachers,
      教学及辅助用房面积: Math.round(total * 5.8 * factor() * 10) / 10,
      体育运动场馆面积: Math.round(total * 10.2 * factor() * 10) / 10,
      教学仪器设备值: Math.round(total * 0.25 * factor() * 100) / 100,
      网络多媒体教室数: Math.ceil((total * 2.4 * factor()) / 100),
      音乐专用教室数: rand() < shortRate ? rooms - 1 : rooms,
      美术专用教室数: rooms,
      公用经费预算: pub,
      教师培训经费: Math.round(pub * (rand() < shortRate ? 0.03 : 0.06) * 100) / 100,
      学校章程: "是",
    };
    out.push(row);
  }
  return out;
}

/** County items (项目, 数值) of a county that meets every county-level requirement. */
export const COUNTY_ITEMS_OK: [string, Cell][] = [
  ["县（区）名称", "示例县"],
  ["教学点按100人核定公用经费", "是"],
  ["特殊教育学校生均公用经费", 6000],
  ["教师年均工资收入", 98000],
  ["公务员年均工资收入", 96000],
  ["符合交流条件教师数", 1153],
  ["交流轮岗教师数", 346],
  ["交流轮岗骨干教师数", 103],
  ["城镇公办小学就近入学比例", 1],
  ["城镇公办初中就近入学比例", 0.97],
  ["优质高中招生总数", 3445],
  ["优质高中指标到校数", 2452],
  ["指标到校向农村初中倾斜", "是"],
  ["随迁子女总数", 2764],
  ["随迁子女在公办及政府购买服务民办学校就读数", 2764],
  ["初中三年巩固率", 0.98],
  ["适龄残疾儿童少年数", 677],
  ["残疾儿童少年入学数", 673],
  ["质量监测达Ⅲ级以上", "是"],
  ["质量监测校际差异率", 0.12],
  ["社会认可度", 0.9],
  ["学校规划布局", "达标"],
  ["四统一", "达标"],
  ["教职工编制", "达标"],
  ["设备设施利用率", "达标"],
  ["五育并举", "达标"],
  ["课程开设", "达标"],
  ["课业负担", "达标"],
  ["以考试方式招生", "否"],
  ["违规择校", "否"],
  ["设重点校或重点班", "否"],
  ["有编不补或长期聘用编外教师", "否"],
  ["重大安全责任事故或严重违纪违规", "否"],
  ["弄虚作假", "否"],
];

export interface LayoutOptions {
  /** Title rows above the headers (0 = header on row 1). */
  titleRows?: number;
  /** A merged group-header row right above the header row. */
  groupRow?: boolean;
  /** Shuffle the column order (seeded). */
  shuffle?: number;
  /** Use alias spellings of some headers. */
  aliases?: boolean;
  /** Leading empty columns before the table. */
  leftPad?: number;
  /** An extra free column the reader must ignore (e.g. 备注). */
  notesColumn?: boolean;
  /** Headers to leave out (missing optional columns). */
  omit?: string[];
  /** Put a 合计 row at the end of the data. */
  totalRow?: boolean;
  /** Leave out the 县级指标 sheet. */
  noCountySheet?: boolean;
  /** Some input cells with number formats / styles, to check formats survive. */
  styledInputs?: boolean;
  /** Raw values to put instead of the generated ones: [school index, header, value]. */
  overrides?: [number, string, Cell][];
  /** County rows (default COUNTY_ITEMS_OK). */
  county?: [string, Cell][];
}

/** Writes a workbook with 学校数据 (laid out per `opts`) and 县级指标. */
export function buildWorkbook(schools: SchoolRow[], opts: LayoutOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("学校数据");
  let headers: string[] = HEADERS.filter((h) => !(opts.omit ?? []).includes(h));
  if (opts.shuffle !== undefined) {
    const rand = rng(opts.shuffle);
    headers = headers
      .map((h) => ({ h, k: h === "学校名称" ? rand() * 0.3 : rand() }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.h);
  }
  if (opts.notesColumn) headers.splice(Math.min(3, headers.length), 0, "备注");
  const left = 1 + (opts.leftPad ?? 0);
  let row = 1;
  for (let t = 0; t < (opts.titleRows ?? 0); t++) {
    ws.getCell(row, left).value = t === 0 ? "示例县义务教育学校基本情况统计表" : "（单位：人、间、㎡、万元）";
    if (t === 0) ws.mergeCells(row, left, row, left + 5);
    row++;
  }
  if (opts.groupRow) {
    // Group headers over runs of six columns.
    for (let c = 0; c < headers.length; c += 6) {
      ws.getCell(row, left + c).value = ["基本信息", "学生与班级", "教师", "校舍", "设备", "经费"][c / 6] ?? "其他";
      const end = Math.min(c + 5, headers.length - 1);
      if (end > c) ws.mergeCells(row, left + c, row, left + end);
    }
    row++;
  }
  const headerRow = row;
  headers.forEach((h, j) => {
    ws.getCell(headerRow, left + j).value = opts.aliases && ALIASES[h] ? ALIASES[h] : h;
    ws.getCell(headerRow, left + j).font = { bold: true };
  });
  const overrides = new Map((opts.overrides ?? []).map(([i, h, v]) => [`${i}:${h}`, v]));
  schools.forEach((s, i) => {
    const r = ws.getRow(headerRow + 1 + i);
    headers.forEach((h, j) => {
      const key = `${i}:${h}`;
      const v = overrides.has(key) ? overrides.get(key)! : h === "备注" ? (i % 7 === 0 ? "新建校区" : null) : s[h] ?? null;
      if (v !== null) r.getCell(left + j).value = v;
      if (opts.styledInputs && h === "教学仪器设备值") r.getCell(left + j).numFmt = "0.00";
    });
  });
  if (opts.totalRow) {
    const r = ws.getRow(headerRow + 1 + schools.length);
    r.getCell(left + headers.indexOf("学校名称")).value = "合计";
  }
  if (!opts.noCountySheet) {
    const cs = wb.addWorksheet("县级指标");
    cs.getCell("A1").value = "项目";
    cs.getCell("B1").value = "数值";
    cs.getCell("C1").value = "说明";
    (opts.county ?? COUNTY_ITEMS_OK).forEach(([item, v], i) => {
      cs.getCell(i + 2, 1).value = item;
      if (v !== null) cs.getCell(i + 2, 2).value = v;
    });
  }
  return wb;
}

export async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function fromBytes(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Every non-empty cell value of a sheet, keyed by address (values as exceljs models them). */
export function cellValues(ws: ExcelJS.Worksheet): Map<string, unknown> {
  const m = new Map<string, unknown>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.value !== null && cell.value !== undefined && !(cell.isMerged && cell.master !== cell)) m.set(cell.address, cell.value);
    }),
  );
  return m;
}

/**
 * A full, comparable dump of a workbook: sheet order, every cell's value and style, merges,
 * column widths, views, data validations. Two workbooks with equal dumps look the same in Excel.
 */
export function dumpWorkbook(wb: ExcelJS.Workbook): unknown {
  const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  const sheets = wb.worksheets.map((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const style = JSON.stringify(cell.style ?? {});
        const value = cell.isMerged && cell.master !== cell ? `<merged ${cell.master.address}>` : cell.value;
        if ((value === null || value === undefined) && (style === "{}" || style === '{"fill":{"type":"pattern","pattern":"none"}}')) return;
        cells[cell.address] = { value, style };
      }),
    );
    const widths: Record<number, number | undefined> = {};
    for (let c = 1; c <= ws.columnCount + 20; c++) if (ws.getColumn(c).width !== undefined) widths[c] = ws.getColumn(c).width;
    return {
      name: ws.name,
      cells,
      merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(),
      widths,
      views: ws.views,
      tab: ws.properties.tabColor,
      validations: (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
      conditionalFormats: (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings,
    };
  });
  return { sheets, names: [...names].sort((a, b) => a.name.localeCompare(b.name)) };
}
