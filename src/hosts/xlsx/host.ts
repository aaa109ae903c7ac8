/**
 * XlsxHost: the WorkbookHost port over an .xlsx/.xlsm package, for the command line (Node) and
 * the plain browser page. No Node-only imports here: bytes in, bytes out.
 *
 * The workbook is edited the way Excel keeps it: the parts the product owns are written (the data
 * sheet's XML patched in one pass, the result sheets written anew with their drawings and charts,
 * entries appended to styles.xml, the workbook/rels/content-type entries those need), and every
 * other zip entry is copied byte for byte (package.ts, zip.ts). Cells are read straight from the
 * sheet XML (sheet-read.ts).
 *
 * The host is thin: it applies a WritePlan literally. Layout decisions live in src/workbook.
 */
import type { SheetSnapshot, WorkbookHost, WorkbookSnapshot } from "../../workbook/port";
import type { ChartSpec, SheetPlan, WritePlan } from "../../workbook/plan";
import { addCharts, type SheetChart } from "./charts";
import { addNotes } from "./notes";
import { CT, REL, XlsxPackage, addRel, dropRel, parseRels, relativeTarget, relsPath, resolveTarget, type SheetEntry } from "./package";
import { readSharedStrings, readSheetXml } from "./sheet-read";
import { newSheetXml, patchSheetXml } from "./sheet-xml";
import { MINIMAL_STYLES, StyleBook } from "./styles";
import { NotXlsxError } from "./package";
import { addConditionalFills, applyMarks, readMarks, readRules, removeOwnedRules } from "./owned";
import type { OwnedRule } from "../../workbook/port";
import { PFX, attr, rootPrefix, setAttr, xmlEscape } from "./xml";
import { strToU8, zipSync } from "fflate";
import type { Deflate } from "./zip";

export { NotXlsxError };

/** The DEFLATE level of the parts the product writes (1: fast; the untouched parts keep theirs). */
const LEVEL = 1;

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The parts of an empty workbook (for `junheng template` and 导出上报 without an input file). */
function emptyWorkbook(): Uint8Array {
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
  return zipSync({
    "[Content_Types].xml": strToU8(
      `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${CT.styles}"/></Types>`,
    ),
    "_rels/.rels": strToU8(`${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": strToU8(`${head}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><bookViews><workbookView/></bookViews><sheets></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(`${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL.styles}" Target="styles.xml"/></Relationships>`),
    "xl/styles.xml": strToU8(MINIMAL_STYLES),
  });
}

export class XlsxHost implements WorkbookHost {
  private stylesBook: StyleBook | null = null;
  private strings: string[] | null = null;
  /** The charts written by apply(), by sheet (for callers that list them). */
  private readonly charts = new Map<string, { sheet: string; charts: ChartSpec[] }>();

  private constructor(private readonly pkg: XlsxPackage) {}

  /** Opens .xlsx/.xlsm bytes. Throws NotXlsxError (Chinese message) when they are not an editable workbook. */
  static async load(data: ArrayBuffer | Uint8Array): Promise<XlsxHost> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    return new XlsxHost(XlsxPackage.open(bytes));
  }

  /** A new, empty workbook (for `junheng template`). */
  static create(): XlsxHost {
    return new XlsxHost(XlsxPackage.open(emptyWorkbook()));
  }

  /** True for a macro-enabled workbook (.xlsm): its output must keep that extension, or Excel refuses it. */
  macroEnabled(): boolean {
    const types = this.pkg.text("[Content_Types].xml") ?? "";
    return new RegExp(`PartName="/${this.pkg.workbookPart}"[^>]*macroEnabled`, "i").test(types) || this.pkg.has("xl/vbaProject.bin");
  }

  /** Every sheet name, in tab order. */
  sheetNames(): string[] {
    return this.pkg.sheets().map((s) => s.name);
  }

  private get styles(): StyleBook {
    if (!this.stylesBook) {
      const part = this.pkg.related(this.pkg.workbookPart, REL.styles);
      this.stylesBook = new StyleBook((part && this.pkg.text(part)) || MINIMAL_STYLES);
    }
    return this.stylesBook;
  }

  private sharedStrings(): string[] {
    if (!this.strings) {
      const part = this.pkg.related(this.pkg.workbookPart, REL.sharedStrings);
      this.strings = readSharedStrings(part ? this.pkg.text(part) : undefined);
    }
    return this.strings;
  }

  async read(sheetNames: readonly string[]): Promise<WorkbookSnapshot> {
    const entries = this.pkg.sheets();
    const sheets: SheetSnapshot[] = [];
    const rules: OwnedRule[] = [];
    for (const name of sheetNames) {
      const entry = entries.find((e) => e.name === name && e.kind === "worksheet");
      if (!entry) continue;
      const xml = this.pkg.text(entry.part) ?? "";
      rules.push(...readRules(name, xml));
      const read = readSheetXml(xml, {
        name,
        strings: () => this.sharedStrings(),
        numberFormat: (i) => this.styles.numberFormat(i),
      });
      const snap: SheetSnapshot = { name: read.name, values: read.values, numberFormats: read.numberFormats };
      if (read.uncalculated.length) snap.uncalculated = read.uncalculated;
      sheets.push(snap);
    }
    const marks = readMarks(this.pkg.text(this.pkg.workbookPart) ?? "");
    return { sheetNames: entries.map((e) => e.name), sheets, owned: { marks, rules } };
  }

  async apply(plan: WritePlan): Promise<void> {
    const placements: SheetChart[] = [];
    for (const sheet of plan.sheets) {
      const key = sheet.name.toLowerCase();
      if (sheet.mode === "delete") {
        this.deleteSheet(sheet.name);
        this.charts.delete(key);
        continue;
      }
      if (sheet.mode === "replace") {
        this.replaceSheet(sheet);
        this.charts.delete(key);
        if (sheet.charts?.length) {
          this.charts.set(key, { sheet: sheet.name, charts: sheet.charts });
          for (const chart of sheet.charts) placements.push({ sheet: sheet.name, chart });
        }
      } else {
        this.updateSheet(sheet);
      }
    }
    addCharts(this.pkg, placements);
    if (plan.marks) this.pkg.set(this.pkg.workbookPart, applyMarks(this.pkg.text(this.pkg.workbookPart) ?? "", plan.marks));
    if (plan.activate) this.activate(plan.activate);
    this.flushStyles();
  }

  /** The charts apply() wrote, on sheets that still exist. */
  sheetCharts(): SheetChart[] {
    const names = new Set(this.sheetNames());
    const out: SheetChart[] = [];
    for (const { sheet, charts } of this.charts.values()) if (names.has(sheet)) for (const chart of charts) out.push({ sheet, chart });
    return out;
  }

  /**
   * The workbook as bytes: untouched entries as stored, the product's parts compressed anew —
   * with `deflate` when given (the command line passes Node's native zlib, several times faster
   * than the pure-JS default that the browser uses).
   */
  async save(options: { deflate?: Deflate } = {}): Promise<Uint8Array> {
    return this.pkg.save(LEVEL, options.deflate);
  }

  // -------------------------------------------------------------------------------------------

  private entry(name: string): SheetEntry | undefined {
    return this.pkg.sheets().find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  private flushStyles(): void {
    if (!this.stylesBook?.changed) return;
    let part = this.pkg.related(this.pkg.workbookPart, REL.styles);
    if (!part) {
      part = "xl/styles.xml";
      const rels = this.pkg.text(this.pkg.workbookRelsPart) ?? "";
      this.pkg.set(this.pkg.workbookRelsPart, addRel(rels, REL.styles, relativeTarget(this.pkg.workbookPart, part)).xml);
      this.pkg.override(part, CT.styles);
    }
    this.pkg.set(part, this.stylesBook.toXml());
    // The appended entries are now part of the text; further changes append again.
    this.stylesBook = new StyleBook(this.pkg.text(part)!);
  }

  private updateSheet(plan: SheetPlan): void {
    const entry = this.entry(plan.name);
    if (!entry) {
      this.replaceSheet({ ...plan, mode: "replace" });
      return;
    }
    if (entry.kind !== "worksheet") return;
    let xml = this.pkg.text(entry.part) ?? "";
    if (plan.removeOwnedRules) xml = removeOwnedRules(xml);
    xml = patchSheetXml(xml, plan, this.styles);
    if (plan.conditionalFills?.length) xml = addConditionalFills(xml, plan.conditionalFills, this.styles);
    if (plan.notes?.length) xml = addNotes(this.pkg, entry.part, xml, entry.sheetId, plan.notes);
    this.pkg.set(entry.part, xml);
  }

  private replaceSheet(plan: SheetPlan): void {
    let entry = this.entry(plan.name);
    if (entry) this.dropSheetParts(entry);
    else entry = this.addSheetEntry(plan.name);
    let xml = newSheetXml(plan, this.styles, false);
    if (plan.conditionalFills?.length) xml = addConditionalFills(xml, plan.conditionalFills, this.styles);
    if (plan.notes?.length) xml = addNotes(this.pkg, entry.part, xml, entry.sheetId, plan.notes);
    this.pkg.set(entry.part, xml);
    if (entry.name !== plan.name) this.renameSheet(entry, plan.name);
  }

  /** Removes what hangs off a sheet part (its drawing with charts and pictures, notes); the part itself is rewritten. */
  private dropSheetParts(entry: SheetEntry): void {
    const relsPart = relsPath(entry.part);
    const rels = parseRels(this.pkg.text(relsPart) ?? "");
    for (const r of rels) {
      if (r.external) continue;
      const target = resolveTarget(entry.part, r.target);
      if (r.type === REL.drawing) {
        for (const d of parseRels(this.pkg.text(relsPath(target)) ?? "")) {
          if (d.external) continue;
          const t = resolveTarget(target, d.target);
          if (d.type === REL.chart) this.dropPart(t);
        }
        this.dropPart(relsPath(target));
      }
      if (r.type === REL.drawing || r.type === REL.comments || r.type === REL.vml) this.dropPart(target);
    }
    this.pkg.remove(relsPart);
  }

  private dropPart(part: string): void {
    for (const r of parseRels(this.pkg.text(relsPath(part)) ?? "")) if (!r.external && r.type === REL.chart) this.dropPart(resolveTarget(part, r.target));
    this.pkg.remove(relsPath(part));
    this.pkg.remove(part);
    this.pkg.dropOverride(part);
  }

  private workbookXml(): { xml: string; p: string; r: string } {
    const xml = this.pkg.text(this.pkg.workbookPart) ?? "";
    const p = rootPrefix(xml, "workbook");
    // The relationships prefix declared on the root (a declaration on one <sheet> is local to it).
    const root = new RegExp(`<${p}workbook\\b[^>]*>`).exec(xml)?.[0] ?? "";
    const r = new RegExp(`xmlns:([\\w.-]+)="${NS_R}"`).exec(root)?.[1] ?? "r";
    return { xml, p, r };
  }

  private addSheetEntry(name: string): SheetEntry {
    const part = this.pkg.freeName("xl/worksheets/sheet", ".xml");
    const rels = this.pkg.text(this.pkg.workbookRelsPart) ?? "";
    const added = addRel(rels, REL.worksheet, relativeTarget(this.pkg.workbookPart, part));
    this.pkg.set(this.pkg.workbookRelsPart, added.xml);
    this.pkg.override(part, CT.worksheet);
    let { xml, p, r } = this.workbookXml();
    const root = new RegExp(`<${p}workbook\\b[^>]*>`).exec(xml)![0];
    if (!new RegExp(`xmlns:${r}="`).test(root)) {
      xml = xml.replace(root, setAttr(root, `xmlns:${r}`, NS_R));
    }
    const ids = [...xml.matchAll(new RegExp(`<${PFX}sheet\\b[^>]*?\\bsheetId="(\\d+)"`, "g"))].map((m) => Number(m[1]));
    const sheetId = ids.length ? Math.max(...ids) + 1 : 1;
    const el = `<${p}sheet name="${xmlEscape(name)}" sheetId="${sheetId}" ${r}:id="${added.id}"/>`;
    if (new RegExp(`<${p}sheets\\s*/>`).test(xml)) xml = xml.replace(new RegExp(`<${p}sheets\\s*/>`), `<${p}sheets>${el}</${p}sheets>`);
    else xml = xml.replace(`</${p}sheets>`, `${el}</${p}sheets>`);
    this.pkg.set(this.pkg.workbookPart, xml);
    return { name, part, rId: added.id, sheetId, kind: "worksheet" };
  }

  private renameSheet(entry: SheetEntry, name: string): void {
    const { xml, p } = this.workbookXml();
    const re = new RegExp(`<${p}sheet\\b[^>]*?\\bsheetId="${entry.sheetId}"[^>]*?/>`);
    this.pkg.set(this.pkg.workbookPart, xml.replace(re, (el) => setAttr(el, "name", name)));
  }

  private deleteSheet(name: string): void {
    const entry = this.entry(name);
    if (!entry) return;
    const index = this.pkg.sheets().findIndex((s) => s.sheetId === entry.sheetId);
    this.dropSheetParts(entry);
    this.pkg.remove(entry.part);
    this.pkg.dropOverride(entry.part);
    this.pkg.set(this.pkg.workbookRelsPart, dropRel(this.pkg.text(this.pkg.workbookRelsPart) ?? "", entry.rId));
    let { xml, p } = this.workbookXml();
    xml = xml.replace(new RegExp(`<${p}sheet\\b[^>]*?\\bsheetId="${entry.sheetId}"[^>]*?/>`), "");
    // Sheet-scoped names follow their sheet's index; the deleted sheet's own go with it.
    xml = xml.replace(new RegExp(`<${p}definedName\\b([^>]*?)>([\\s\\S]*?)</${p}definedName>`, "g"), (el, attrs: string) => {
      const local = attr(attrs, "localSheetId");
      if (local === undefined) return el;
      const n = Number(local);
      if (n === index) return "";
      return n > index ? el.replace(/localSheetId="\d+"/, `localSheetId="${n - 1}"`) : el;
    });
    xml = xml.replace(new RegExp(`<${p}definedNames>\\s*</${p}definedNames>`), "");
    xml = xml.replace(new RegExp(`(<${p}workbookView\\b[^>]*?)\\b(activeTab|firstSheet)="(\\d+)"`, "g"), (m, _pre: string, key: string, v: string) =>
      Number(v) >= index && Number(v) > 0 ? m.replace(`${key}="${v}"`, `${key}="${Number(v) - 1}"`) : m,
    );
    this.pkg.set(this.pkg.workbookPart, xml);
  }

  /**
   * Makes `name` the active sheet. A sheet the product did not write that is selected (tabSelected)
   * would stay selected as well (Excel would open with two sheets grouped), so then the workbook
   * keeps its own active sheet.
   */
  private activate(name: string): void {
    const sheets = this.pkg.sheets();
    const index = sheets.findIndex((s) => s.name === name);
    if (index < 0) return;
    for (const s of sheets) {
      if (s.name === name) continue;
      const xml = this.pkg.text(s.part) ?? "";
      const head = xml.slice(0, Math.max(0, xml.search(new RegExp(`<${PFX}sheetData[\\s>/]`))));
      if (/tabSelected="(1|true)"/.test(head)) {
        if (!this.pkg.zip.isChanged(s.part)) return;
        this.pkg.set(s.part, xml.slice(0, head.length).replace(/\s*tabSelected="(1|true)"/, "") + xml.slice(head.length));
      }
    }
    const target = sheets[index];
    const sheetXml = this.pkg.text(target.part) ?? "";
    this.pkg.set(target.part, sheetXml.replace(new RegExp(`<(${PFX})sheetView\\b(?![^>]*tabSelected)`), (m) => `${m} tabSelected="1"`));
    const { xml, p } = this.workbookXml();
    let next: string;
    if (new RegExp(`<${p}workbookView\\b`).test(xml)) {
      next = xml.replace(new RegExp(`<${p}workbookView\\b[^>]*?(?=/?>)`), (el) => setAttr(el, "activeTab", String(index)));
    } else if (new RegExp(`<${p}bookViews`).test(xml)) {
      next = xml.replace(new RegExp(`(<${p}bookViews[^>]*>)`), `$1<${p}workbookView activeTab="${index}"/>`);
    } else {
      next = xml.replace(new RegExp(`(<${p}sheets[\\s>/])`), `<${p}bookViews><${p}workbookView activeTab="${index}"/></${p}bookViews>$1`);
    }
    this.pkg.set(this.pkg.workbookPart, next);
  }
}
