/// <reference types="et-jsapi-declare" />
/**
 * An in-memory fake of the WPS 表格 (ET) object model, for src/hosts/wps.
 *
 * What it models, as Kingsoft's JSAPI and the VBA model it follows document:
 * - synchronous calls; every property read or write and every method call is counted
 *   (`calls`, and `byName` per member), so tests and benchmarks can bound them;
 * - 1-based `Item` on collections (`Item(0)` throws), names matched case-insensitively;
 * - `Value2`: a 2-D array for a block, a scalar for one cell; empty cells read as undefined;
 * - `NumberFormat`: one string for a range whose cells agree, null where they differ;
 * - colours as BGR numbers (red in the low byte);
 * - writing a string behaves like typing: "=…" (and "+…"/"-…" that are not numbers) becomes a
 *   formula, numeric texts become numbers, "TRUE"/"FALSE" booleans, a leading apostrophe marks text
 *   (and is not stored) — unless the cell's NumberFormat is "@", where every string stays text;
 * - `Worksheet.Delete` throws while `Application.DisplayAlerts` is on (the confirmation dialog
 *   would block the add-in) and when it would remove the last sheet; `Worksheets.Add` activates
 *   the new sheet; a sheet name is unique and at most 31 characters;
 * - freezing acts on the active sheet only (`ActiveWindow.SplitRow/SplitColumn/FreezePanes`);
 * - `Worksheet.AddComment` throws where the cell already has a comment.
 *
 * Switches (FakeEtOptions): `bulkWrites` "firstRow" (a 2-D Value2 write keeps only its first row:
 * the Mac build's missing bulk writes) or "throw"; `memberForm` "method" | "property" (the
 * property-vs-method difference between builds, for `Worksheet.ChartObjects` and `Range.Address`).
 * - `FormatConditions.Add` records the active cell it was added at: relative references in its
 *   formula are read from the active cell, as in Excel's object model.
 *
 * The proxy classes implement name-checked subsets of et-jsapi-declare's interfaces (`Shape`),
 * and the src/hosts/wps/et.ts interfaces the host programs against. The document model (sheets,
 * cells, typing rules, observations) is in fakeEtModel.ts, the charts in fakeEtCharts.ts; this module
 * re-exports both.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */

import type * as Port from "../../src/hosts/wps/et";
import { parseFakeArea, type FakeArea, type Shape } from "./fakeExcel";
import { DEFAULT_WIDTH, EtObject, FakeEtError, MAX_COLS, ROW_POINTS, abs, cellName, overlaps, typed, type EtCellData, type EtValue, type FakeEtBook, type FakeEtCondition, type FakeEtOptions, type FakeEtSheet } from "./fakeEtModel";
import { FakeEtChartObjects } from "./fakeEtCharts";

export * from "./fakeEtModel";
export * from "./fakeEtCharts";

/** The session: the document, the switches and the call counter. */
export class FakeEt {
  calls = 0;
  readonly byName = new Map<string, number>();
  screenUpdating = true;
  displayAlerts = true;
  readonly opts: Required<FakeEtOptions>;
  readonly app: FakeEtApplication;
  constructor(
    public book: FakeEtBook | null,
    opts: FakeEtOptions = {},
  ) {
    this.opts = { bulkWrites: "on", memberForm: "method", ...opts };
    this.app = new FakeEtApplication(this);
  }
  tick(name: string): void {
    this.calls++;
    this.byName.set(name, (this.byName.get(name) ?? 0) + 1);
  }
  reset(): void {
    this.calls = 0;
    this.byName.clear();
  }
  get doc(): FakeEtBook {
    if (!this.book) throw new FakeEtError("no workbook");
    return this.book;
  }
}

export class FakeEtApplication
  extends EtObject
  implements Port.EtApplication, Shape<Et.Application, "ScreenUpdating" | "DisplayAlerts" | "ActiveWorkbook" | "ActiveSheet" | "ActiveWindow" | "ActiveCell">
{
  get ScreenUpdating(): boolean {
    this.tick("ScreenUpdating");
    return this.et.screenUpdating;
  }
  set ScreenUpdating(v: boolean) {
    this.tick("ScreenUpdating=");
    this.et.screenUpdating = v;
  }
  get DisplayAlerts(): boolean {
    this.tick("DisplayAlerts");
    return this.et.displayAlerts;
  }
  set DisplayAlerts(v: boolean) {
    this.tick("DisplayAlerts=");
    this.et.displayAlerts = v;
  }
  get ActiveWorkbook(): FakeEtWorkbook | null {
    this.tick("ActiveWorkbook");
    return this.et.book ? new FakeEtWorkbook(this.et) : null;
  }
  get ActiveSheet(): FakeEtWorksheet | null {
    this.tick("ActiveSheet");
    return this.et.book ? new FakeEtWorksheet(this.et, this.et.doc.activeSheet) : null;
  }
  get ActiveWindow(): FakeEtWindow {
    this.tick("ActiveWindow");
    return new FakeEtWindow(this.et);
  }
  get ActiveCell(): FakeEtRange | null {
    this.tick("ActiveCell");
    if (!this.et.book) return null;
    const s = this.et.doc.activeSheet;
    return new FakeEtRange(this.et, s, [parseFakeArea(s.activeCell)]);
  }
}

export class FakeEtWorkbook extends EtObject implements Port.EtWorkbook, Shape<Et.Workbook, "Worksheets" | "Names" | "ProtectStructure" | "CustomDocumentProperties"> {
  get Worksheets(): FakeEtSheets {
    this.tick("Worksheets");
    return new FakeEtSheets(this.et);
  }
  get Names(): FakeEtNames {
    this.tick("Names");
    return new FakeEtNames(this.et);
  }
  get ProtectStructure(): boolean {
    this.tick("ProtectStructure");
    return this.et.doc.protectStructure;
  }
  get CustomDocumentProperties(): FakeEtProperties {
    this.tick("CustomDocumentProperties");
    return new FakeEtProperties(this.et);
  }
}

export class FakeEtProperties extends EtObject implements Port.EtDocumentProperties, Shape<Kso.DocumentProperties, "Count" | "Item" | "Add"> {
  get Count(): number {
    this.tick("Count");
    return this.et.doc.properties.size;
  }
  Item(index: number | string): Port.EtDocumentProperty & { Name: string } {
    this.tick("Item");
    const props = this.et.doc.properties;
    const name = typeof index === "number" ? [...props.keys()][index - 1] : index;
    if (name === undefined || !props.has(name)) throw new FakeEtError(`no property ${index}`);
    const tick = (n: string) => this.tick(`Property.${n}`);
    return {
      Name: name,
      get Value() {
        tick("Value");
        return props.get(name) ?? "";
      },
      set Value(v: string | number | boolean) {
        tick("Value=");
        props.set(name, String(v));
      },
      Delete: () => {
        tick("Delete");
        props.delete(name);
      },
    };
  }
  Add(name: string, linkToContent: boolean, type: number, value: string): Port.EtDocumentProperty {
    this.tick("Add");
    if (linkToContent || type !== 4) throw new FakeEtError("only unlinked text properties are modelled");
    if (this.et.doc.properties.has(name)) throw new FakeEtError(`property ${name} exists`);
    this.et.doc.properties.set(name, value);
    return this.Item(name);
  }
}

export class FakeEtSheets extends EtObject implements Port.EtSheets, Shape<Et.Sheets, "Count" | "Item" | "Add"> {
  get Count(): number {
    this.tick("Count");
    return this.et.doc.sheets.length;
  }
  Item(index: number | string): FakeEtWorksheet {
    this.tick("Item");
    const doc = this.et.doc;
    const s = typeof index === "number" ? doc.sheets[index - 1] : doc.find(index);
    if (!s || (typeof index === "number" && index < 1)) throw new FakeEtError(`Subscript out of range: ${index}`);
    return new FakeEtWorksheet(this.et, s);
  }
  Add(before?: FakeEtWorksheet | null, after?: FakeEtWorksheet | null): FakeEtWorksheet {
    this.tick("Add");
    const doc = this.et.doc;
    const ref = before ?? after;
    const at = ref ? doc.sheets.indexOf(ref.data) + (before ? 0 : 1) : doc.active;
    const s = doc.add(undefined, at);
    doc.active = doc.sheets.indexOf(s);
    return new FakeEtWorksheet(this.et, s);
  }
}

export class FakeEtNames extends EtObject implements Port.EtNames, Shape<Et.Names, "Count" | "Add" | "Item"> {
  get Count(): number {
    this.tick("Count");
    return this.et.doc.names.size;
  }
  Add(name: string, refersTo: string, visible = true): FakeEtName {
    this.tick("Add");
    this.et.doc.names.set(name.toLowerCase(), { name, refersTo, visible });
    return new FakeEtName(this.et, name);
  }
  Item(index: number | string): FakeEtName {
    this.tick("Item");
    const all = [...this.et.doc.names.values()];
    const n = typeof index === "number" ? all[index - 1] : this.et.doc.names.get(index.toLowerCase());
    if (!n) throw new FakeEtError(`Name not found: ${index}`);
    return new FakeEtName(this.et, n.name);
  }
}

export class FakeEtName extends EtObject implements Port.EtName, Shape<Et.Name, "Name" | "RefersTo" | "Visible" | "Delete"> {
  constructor(
    et: FakeEt,
    private readonly key: string,
  ) {
    super(et);
  }
  private get rec() {
    const r = this.et.doc.names.get(this.key.toLowerCase());
    if (!r) throw new FakeEtError("name deleted");
    return r;
  }
  get Name(): string {
    this.tick("Name");
    return this.rec.name;
  }
  get RefersTo(): string {
    this.tick("RefersTo");
    return this.rec.refersTo;
  }
  set RefersTo(v: string) {
    this.tick("RefersTo=");
    this.rec.refersTo = v;
  }
  get Visible(): boolean {
    this.tick("Visible");
    return this.rec.visible;
  }
  set Visible(v: boolean) {
    this.tick("Visible=");
    this.rec.visible = v;
  }
  Delete(): void {
    this.tick("Delete");
    this.et.doc.names.delete(this.key.toLowerCase());
  }
}

export class FakeEtWindow
  extends EtObject
  implements Port.EtWindow, Shape<Et.Window, "FreezePanes" | "SplitRow" | "SplitColumn" | "ScrollRow" | "ScrollColumn">
{
  private get sheet(): FakeEtSheet {
    return this.et.doc.activeSheet;
  }
  get FreezePanes(): boolean {
    this.tick("FreezePanes");
    return this.sheet.frozen !== null;
  }
  set FreezePanes(v: boolean) {
    this.tick("FreezePanes=");
    const s = this.sheet;
    s.frozen = v && (s.split.rows > 0 || s.split.cols > 0) ? { ...s.split } : null;
  }
  get SplitRow(): number {
    this.tick("SplitRow");
    return this.sheet.split.rows;
  }
  set SplitRow(v: number) {
    this.tick("SplitRow=");
    this.sheet.split.rows = v;
  }
  get SplitColumn(): number {
    this.tick("SplitColumn");
    return this.sheet.split.cols;
  }
  set SplitColumn(v: number) {
    this.tick("SplitColumn=");
    this.sheet.split.cols = v;
  }
  get ScrollRow(): number {
    this.tick("ScrollRow");
    return 1;
  }
  set ScrollRow(_v: number) {
    this.tick("ScrollRow=");
  }
  get ScrollColumn(): number {
    this.tick("ScrollColumn");
    return 1;
  }
  set ScrollColumn(_v: number) {
    this.tick("ScrollColumn=");
  }
}

export class FakeEtWorksheet
  extends EtObject
  implements
    Port.EtWorksheet,
    Shape<Et.Worksheet, "Name" | "UsedRange" | "Cells" | "Columns" | "Tab" | "ProtectContents" | "Index" | "Range" | "Activate" | "Delete">
{
  constructor(
    et: FakeEt,
    readonly data: FakeEtSheet,
  ) {
    super(et);
  }
  private alive(): FakeEtSheet {
    if (!this.et.doc.sheets.includes(this.data)) throw new FakeEtError("the sheet was deleted");
    return this.data;
  }
  get Name(): string {
    this.tick("Name");
    return this.alive().name;
  }
  set Name(v: string) {
    this.tick("Name=");
    const other = this.et.doc.find(v);
    if (other && other !== this.data) throw new FakeEtError(`a sheet named ${v} exists`);
    if (!v || v.length > 31 || /[\\/?*[\]:]/.test(v)) throw new FakeEtError(`bad sheet name ${v}`);
    this.alive().name = v;
  }
  get Index(): number {
    this.tick("Index");
    return this.et.doc.sheets.indexOf(this.alive()) + 1;
  }
  get ProtectContents(): boolean {
    this.tick("ProtectContents");
    return this.alive().protectContents;
  }
  get UsedRange(): FakeEtRange {
    this.tick("UsedRange");
    return new FakeEtRange(this.et, this.alive(), [this.alive().usedArea() ?? { row: 0, col: 0, rows: 1, cols: 1 }]);
  }
  get Columns(): FakeEtColumns {
    this.tick("Columns");
    return new FakeEtColumns(this.et, this.alive(), { row: 0, col: 0, rows: 1048576, cols: MAX_COLS });
  }
  get Cells(): FakeEtRange {
    this.tick("Cells");
    return new FakeEtRange(this.et, this.alive(), [{ row: 0, col: 0, rows: 1048576, cols: MAX_COLS }]);
  }
  get Tab(): FakeEtTab {
    this.tick("Tab");
    return new FakeEtTab(this.et, this.alive());
  }
  Range(address: string): FakeEtRange {
    this.tick("Range");
    return new FakeEtRange(this.et, this.alive(), address.split(",").map((a) => parseFakeArea(a)));
  }
  get ChartObjects(): any {
    // Counted where it is used: as a property (one read) or as a method (one call).
    const collection = () => new FakeEtChartObjects(this.et, this.alive());
    if (this.et.opts.memberForm === "property") {
      this.tick("ChartObjects");
      return collection();
    }
    return () => {
      this.tick("ChartObjects()");
      return collection();
    };
  }
  Activate(): void {
    this.tick("Activate");
    this.et.doc.active = this.et.doc.sheets.indexOf(this.alive());
  }
  Delete(): void {
    this.tick("Delete");
    const doc = this.et.doc;
    if (this.et.displayAlerts) throw new FakeEtError("Delete would ask for confirmation (DisplayAlerts is on)");
    if (doc.sheets.length === 1) throw new FakeEtError("a workbook must keep at least one visible sheet");
    const at = doc.sheets.indexOf(this.alive());
    const activeSheet = doc.activeSheet;
    doc.sheets.splice(at, 1);
    doc.active = activeSheet === this.data ? Math.min(at, doc.sheets.length - 1) : doc.sheets.indexOf(activeSheet);
  }
}

export class FakeEtTab extends EtObject implements Shape<Et.Tab, "Color"> {
  constructor(
    et: FakeEt,
    private readonly sheet: FakeEtSheet,
  ) {
    super(et);
  }
  get Color(): number {
    this.tick("Color");
    return this.sheet.tabColor ?? 0;
  }
  set Color(v: number) {
    this.tick("Color=");
    this.sheet.tabColor = v;
  }
}

/** The columns of an area: Item(i) is its i-th column (1-based). */
export class FakeEtColumns extends EtObject {
  constructor(
    et: FakeEt,
    private readonly sheet: FakeEtSheet,
    private readonly area: FakeArea,
  ) {
    super(et);
  }
  get Count(): number {
    this.tick("Count");
    return this.area.cols;
  }
  Item(index: number): FakeEtRange {
    this.tick("Item");
    if (index < 1 || index > this.area.cols) throw new FakeEtError(`column ${index} out of range`);
    return new FakeEtRange(this.et, this.sheet, [{ ...this.area, col: this.area.col + index - 1, cols: 1 }]);
  }
}

const VALUE_KEYS = ["value", "formula", "prefix"] as const;

export class FakeEtRange
  extends EtObject
  implements
    Port.EtRange,
    Shape<
      Et.Range,
      | "Value2"
      | "NumberFormat"
      | "Row"
      | "Column"
      | "Rows"
      | "Columns"
      | "Left"
      | "Top"
      | "Interior"
      | "Font"
      | "Borders"
      | "Validation"
      | "FormatConditions"
      | "HorizontalAlignment"
      | "WrapText"
      | "ColumnWidth"
      | "Resize"
      | "Merge"
      | "UnMerge"
      | "Clear"
      | "AddComment"
      | "ClearComments"
      | "Select"
    >
{
  constructor(
    et: FakeEt,
    readonly sheet: FakeEtSheet,
    readonly areas: FakeArea[],
  ) {
    super(et);
  }
  private get first(): FakeArea {
    return this.areas[0];
  }
  /** Every cell position of every area. */
  private *positions(): Generator<[number, number]> {
    for (const a of this.areas) for (let r = a.row; r < a.row + a.rows; r++) for (let c = a.col; c < a.col + a.cols; c++) yield [r, c];
  }
  private each(f: (c: EtCellData) => void): void {
    for (const [r, c] of this.positions()) f(this.sheet.touch(r, c));
  }
  /** The value ET hands back for a cell: the formula's result, undefined when empty. */
  private static readValue(c: EtCellData | undefined): EtValue | undefined {
    return c?.value;
  }

  get Value2(): any {
    this.tick("Value2");
    const a = this.first;
    if (a.rows === 1 && a.cols === 1) return FakeEtRange.readValue(this.sheet.cell(a.row, a.col));
    const out: (EtValue | undefined)[][] = [];
    for (let r = 0; r < a.rows; r++) {
      const line: (EtValue | undefined)[] = [];
      for (let c = 0; c < a.cols; c++) line.push(FakeEtRange.readValue(this.sheet.cell(a.row + r, a.col + c)));
      out.push(line);
    }
    return out;
  }
  set Value2(v: any) {
    this.tick("Value2=");
    const a = this.first;
    const store = (r: number, c: number, x: unknown) => {
      const cell = this.sheet.touch(r, c);
      for (const k of VALUE_KEYS) delete cell[k];
      const t = typed(x, cell.numberFormat);
      Object.assign(cell, { ...t, numberFormat: cell.numberFormat ?? t.numberFormat });
      if (cell.numberFormat === undefined) delete cell.numberFormat;
    };
    if (!Array.isArray(v)) {
      for (const [r, c] of this.positions()) store(r, c, v);
      return;
    }
    let rows = v as unknown[][];
    if (rows.length > 1 && a.rows > 1) {
      if (this.et.opts.bulkWrites === "throw") throw new FakeEtError("Value2: arrays are not supported here");
      if (this.et.opts.bulkWrites === "firstRow") rows = rows.slice(0, 1);
    }
    for (let r = 0; r < Math.min(a.rows, rows.length); r++) {
      const line = Array.isArray(rows[r]) ? rows[r] : [rows[r]];
      for (let c = 0; c < Math.min(a.cols, line.length); c++) store(a.row + r, a.col + c, line[c]);
    }
  }
  get NumberFormat(): any {
    this.tick("NumberFormat");
    let seen: string | undefined;
    for (const [r, c] of this.positions()) {
      const f = this.sheet.cell(r, c)?.numberFormat ?? "General";
      if (seen === undefined) seen = f;
      else if (seen !== f) return null;
    }
    return seen ?? "General";
  }
  set NumberFormat(v: any) {
    this.tick("NumberFormat=");
    this.each((c) => (c.numberFormat = String(v)));
  }
  get Row(): number {
    this.tick("Row");
    return this.first.row + 1;
  }
  get Column(): number {
    this.tick("Column");
    return this.first.col + 1;
  }
  get Rows(): any {
    this.tick("Rows");
    return { Count: this.first.rows };
  }
  get Columns(): FakeEtColumns & any {
    this.tick("Columns");
    return new FakeEtColumns(this.et, this.sheet, this.first);
  }
  get Left(): number {
    this.tick("Left");
    let x = 0;
    for (let c = 0; c < this.first.col; c++) x += this.sheet.columnPoints(c);
    return x;
  }
  get Top(): number {
    this.tick("Top");
    return this.first.row * ROW_POINTS;
  }
  get Interior(): FakeEtInterior & any {
    this.tick("Interior");
    return new FakeEtInterior(this.et, this);
  }
  get Font(): FakeEtFont & any {
    this.tick("Font");
    return new FakeEtFont(this.et, this);
  }
  get Borders(): FakeEtBorders & any {
    this.tick("Borders");
    return new FakeEtBorders(this.et, this);
  }
  get Validation(): FakeEtValidation & any {
    this.tick("Validation");
    return new FakeEtValidation(this.et, this);
  }
  get FormatConditions(): FakeEtFormatConditions & any {
    this.tick("FormatConditions");
    return new FakeEtFormatConditions(this.et, this);
  }
  get HorizontalAlignment(): number {
    this.tick("HorizontalAlignment");
    return this.sheet.cell(this.first.row, this.first.col)?.halign ?? 1;
  }
  set HorizontalAlignment(v: number) {
    this.tick("HorizontalAlignment=");
    this.each((c) => (c.halign = v));
  }
  get WrapText(): boolean {
    this.tick("WrapText");
    return !!this.sheet.cell(this.first.row, this.first.col)?.wrap;
  }
  set WrapText(v: boolean) {
    this.tick("WrapText=");
    this.each((c) => (c.wrap = v));
  }
  get ColumnWidth(): number {
    this.tick("ColumnWidth");
    return this.sheet.widths.get(this.first.col) ?? DEFAULT_WIDTH;
  }
  set ColumnWidth(v: number) {
    this.tick("ColumnWidth=");
    for (const a of this.areas) for (let c = a.col; c < a.col + a.cols; c++) this.sheet.widths.set(c, v);
  }
  get Address(): any {
    const text = () => this.areas.map((a) => (a.rows === 1 && a.cols === 1 ? abs(a.row, a.col) : `${abs(a.row, a.col)}:${abs(a.row + a.rows - 1, a.col + a.cols - 1)}`)).join(",");
    if (this.et.opts.memberForm === "property") {
      this.tick("Address");
      return text();
    }
    return () => {
      this.tick("Address()");
      return text();
    };
  }
  Resize(rows?: number, cols?: number): FakeEtRange & any {
    this.tick("Resize");
    return new FakeEtRange(this.et, this.sheet, [{ ...this.first, rows: rows ?? this.first.rows, cols: cols ?? this.first.cols }]);
  }
  Merge(): void {
    this.tick("Merge");
    for (const a of this.areas) {
      this.sheet.merges = this.sheet.merges.filter((m) => !overlaps(m, a));
      this.sheet.merges.push({ ...a });
    }
  }
  UnMerge(): void {
    this.tick("UnMerge");
    this.sheet.merges = this.sheet.merges.filter((m) => !this.areas.some((a) => overlaps(m, a)));
  }
  Clear(): boolean {
    this.tick("Clear");
    for (const [r, c] of this.positions()) this.sheet.cells.delete(r * MAX_COLS + c);
    return true;
  }
  AddComment(text?: string): any {
    this.tick("AddComment");
    const key = cellName(this.first.row, this.first.col);
    if (this.sheet.comments.has(key)) throw new FakeEtError("the cell already has a comment");
    this.sheet.comments.set(key, text ?? "");
    return { Delete: () => this.sheet.comments.delete(key) };
  }
  ClearComments(): void {
    this.tick("ClearComments");
    for (const [r, c] of this.positions()) this.sheet.comments.delete(cellName(r, c));
  }
  Select(): boolean {
    this.tick("Select");
    if (this.et.doc.activeSheet !== this.sheet) throw new FakeEtError("Select works on the active sheet only");
    this.sheet.selection = this.areas.map((a) => cellName(a.row, a.col)).join(",");
    this.sheet.activeCell = cellName(this.first.row, this.first.col);
    return true;
  }
  /** @internal For the format parts. */
  apply(f: (c: EtCellData) => void): void {
    this.each(f);
  }
  /** @internal */
  firstCell(): EtCellData | undefined {
    return this.sheet.cell(this.first.row, this.first.col);
  }
}

export class FakeEtInterior extends EtObject implements Port.EtInterior, Shape<Et.Interior, "Color" | "ColorIndex"> {
  constructor(
    et: FakeEt,
    private readonly range: FakeEtRange,
  ) {
    super(et);
  }
  get Color(): any {
    this.tick("Color");
    return this.range.firstCell()?.fill ?? 0xffffff;
  }
  set Color(v: any) {
    this.tick("Color=");
    if (typeof v !== "number") throw new FakeEtError("Color takes a BGR number");
    this.range.apply((c) => (c.fill = v));
  }
  get ColorIndex(): any {
    this.tick("ColorIndex");
    return this.range.firstCell()?.fill === undefined ? -4142 : 0;
  }
  set ColorIndex(v: any) {
    this.tick("ColorIndex=");
    if (v === -4142) this.range.apply((c) => delete c.fill);
  }
}

export class FakeEtFont extends EtObject implements Port.EtFont, Shape<Et.Font, "Bold" | "Color"> {
  constructor(
    et: FakeEt,
    private readonly range: FakeEtRange,
  ) {
    super(et);
  }
  get Bold(): boolean {
    this.tick("Bold");
    return !!this.range.firstCell()?.bold;
  }
  set Bold(v: boolean) {
    this.tick("Bold=");
    this.range.apply((c) => (c.bold = v));
  }
  get Color(): number {
    this.tick("Color");
    return this.range.firstCell()?.fontColor ?? 0;
  }
  set Color(v: number) {
    this.tick("Color=");
    this.range.apply((c) => (c.fontColor = v));
  }
}

export class FakeEtBorders extends EtObject implements Port.EtBorders, Shape<Et.Borders, "LineStyle"> {
  constructor(
    et: FakeEt,
    private readonly range: FakeEtRange,
  ) {
    super(et);
  }
  get LineStyle(): number {
    this.tick("LineStyle");
    return this.range.firstCell()?.border ? 1 : -4142;
  }
  set LineStyle(v: number) {
    this.tick("LineStyle=");
    this.range.apply((c) => (c.border = v === 1));
  }
}

export class FakeEtValidation extends EtObject implements Port.EtValidation, Shape<Et.Validation, "Add" | "Delete"> {
  constructor(
    et: FakeEt,
    private readonly range: FakeEtRange,
  ) {
    super(et);
  }
  Add(type: number, _alert?: number, _op?: number, formula1?: string): void {
    this.tick("Add");
    if (type !== 3) throw new FakeEtError("only list validation is modelled");
    const s = this.range.sheet;
    if (this.range.areas.some((a) => s.validations.some((v) => overlaps(v.area, a)))) throw new FakeEtError("the range already has validation");
    for (const a of this.range.areas) s.validations.push({ area: { ...a }, list: formula1 ?? "" });
  }
  Delete(): void {
    this.tick("Delete");
    const s = this.range.sheet;
    s.validations = s.validations.filter((v) => !this.range.areas.some((a) => overlaps(v.area, a)));
  }
}

export class FakeEtFormatConditions extends EtObject implements Port.EtFormatConditions, Shape<Et.FormatConditions, "Count" | "Add" | "Item" | "Delete"> {
  constructor(
    et: FakeEt,
    private readonly range: FakeEtRange,
  ) {
    super(et);
  }
  private mine(): FakeEtCondition[] {
    return this.range.sheet.conditions.filter((k) => k.areas.some((a) => this.range.areas.some((b) => overlaps(a, b))));
  }
  get Count(): number {
    this.tick("Count");
    return this.mine().length;
  }
  Add(type: number, _op?: number, formula1?: string): FakeEtFormatCondition {
    this.tick("Add");
    if (type !== 2) throw new FakeEtError("only xlExpression conditions are modelled");
    const s = this.range.sheet;
    const relativeTo = this.et.doc.activeSheet === s ? s.activeCell : null;
    const k: FakeEtCondition = { areas: this.range.areas.map((a) => ({ ...a })), type, formula: formula1 ?? "", fill: null, font: null, numberFormat: null, relativeTo };
    this.range.sheet.conditions.push(k);
    return new FakeEtFormatCondition(this.et, this.range.sheet, k);
  }
  Item(index: number): FakeEtFormatCondition {
    this.tick("Item");
    const k = this.mine()[index - 1];
    if (!k) throw new FakeEtError(`condition ${index} out of range`);
    return new FakeEtFormatCondition(this.et, this.range.sheet, k);
  }
  Delete(): void {
    this.tick("Delete");
    const mine = new Set(this.mine());
    this.range.sheet.conditions = this.range.sheet.conditions.filter((k) => !mine.has(k));
  }
}

export class FakeEtFormatCondition extends EtObject implements Port.EtFormatCondition, Shape<Et.FormatCondition, "Interior" | "Font" | "NumberFormat" | "Formula1" | "AppliesTo" | "Delete"> {
  constructor(
    et: FakeEt,
    private readonly sheet: FakeEtSheet,
    private readonly k: FakeEtCondition,
  ) {
    super(et);
  }
  get Interior(): Port.EtInterior {
    this.tick("Interior");
    const k = this.k;
    const tick = (n: string) => this.tick(`Interior.${n}`);
    return {
      get Color() {
        tick("Color");
        return k.fill ?? 0xffffff;
      },
      set Color(v: number) {
        tick("Color=");
        k.fill = v;
      },
      get ColorIndex() {
        tick("ColorIndex");
        return k.fill === null ? -4142 : 0;
      },
      set ColorIndex(v: number) {
        tick("ColorIndex=");
        if (v === -4142) k.fill = null;
      },
    };
  }
  get NumberFormat(): string {
    this.tick("NumberFormat");
    return this.k.numberFormat ?? "";
  }
  set NumberFormat(v: string) {
    this.tick("NumberFormat=");
    this.k.numberFormat = v;
  }
  get Formula1(): string {
    this.tick("Formula1");
    return this.k.formula;
  }
  get AppliesTo(): FakeEtRange {
    this.tick("AppliesTo");
    return new FakeEtRange(this.et, this.sheet, this.k.areas);
  }
  get Font(): { Color: number } {
    this.tick("Font");
    const k = this.k;
    const tick = (n: string) => this.tick(`Font.${n}`);
    return {
      get Color() {
        tick("Color");
        return k.font ?? 0;
      },
      set Color(v: number) {
        tick("Color=");
        k.font = v;
      },
    };
  }
  Delete(): void {
    this.tick("Delete");
    this.sheet.conditions = this.sheet.conditions.filter((x) => x !== this.k);
  }
}
