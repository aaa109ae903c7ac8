/**
 * An in-memory fake of Excel for Office.js code: just enough of the object model for
 * src/hosts/office, with Excel's batching semantics kept honest:
 *
 * - Every write and load is queued and happens at `context.sync()`, in order; `sync()` first
 *   yields a macrotask, as the real round trip to Excel does.
 * - Reading a property before it was loaded and synced throws `PropertyNotLoaded`.
 * - `getItem` of a missing sheet fails the sync with `ItemNotFound`; `*OrNullObject` gives
 *   `isNullObject` (null objects propagate through chained `*OrNullObject` calls).
 * - `values` are coerced like Excel does when typed: "=…", "+…", "-…", "@…" strings become formulas
 *   (stored as the formula, value "#NAME?"), numeric-looking strings become numbers, "TRUE"
 *   becomes a boolean, currency ("$100", "¥1,200"), accounting negatives ("(100)"), fractions
 *   ("1 1/2"), times ("8:30") become numbers, dates ("2024/9/1", "Jan-24", "3月5日") date serials,
 *   error literals ("#N/A") errors, a leading apostrophe marks text (and is not stored) — unless
 *   the cell's number format is "@" (text). `null` in a values array leaves the cell unchanged.
 * - Each sync's request size (UTF-8 bytes of the JSON of what it sends) and response size are
 *   measured; a request or response over 5 MB is rejected as Excel on the web does
 *   (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded).
 * - A configurable ExcelApi version: APIs newer than it fail with `ApiNotFound`, and
 *   `Office.context.requirements.isSetSupported` answers accordingly.
 * - Errors by code: protected sheets and read-only workbooks (AccessDenied on write), cell edit
 *   mode (InvalidOperationInCellEditMode unless the run asked `delayForCellEdit`), or any code
 *   injected for a given sync.
 *
 * The proxy classes implement name-checked subsets of the @types/office-js classes (see `Shape`),
 * so a property or method name that Excel does not have fails to compile here.
 *
 * Free of Node imports: the browser tests bundle it and call `installFakeOffice(window, wb)`.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */

type Primitive = string | number | boolean | null | undefined;
/**
 * The members K of an Office.js class T. Names must exist on T; primitive and array members keep
 * T's type exactly; object members and methods are checked by name only (the fake returns fakes).
 */
export type Shape<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: any[]) => any
    ? (...args: any[]) => unknown
    : T[P] extends Primitive | Primitive[] | Primitive[][]
      ? T[P]
      : unknown;
};

export type FakeValue = string | number | boolean;

export interface FakeCell {
  /** "" for an empty cell. */
  value: FakeValue;
  formula?: string;
  /** Entered with a leading apostrophe (Excel's quotePrefix). */
  quotePrefix?: boolean;
  numberFormat?: string;
  fill?: string;
  bold?: boolean;
  fontColor?: string;
  wrap?: boolean;
  horizontalAlignment?: string;
  /** Border edges set to a line style. */
  borders?: string[];
  /** The value is an Excel error (#N/A, #DIV/0! …): Range.valueTypes "Error". */
  error?: boolean;
}

export interface FakeArea {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
/** Excel on the web's limit for one request or one response. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Longest address a RangeAreas (getRanges) accepts. */
export const RANGE_AREAS_ADDRESS_LIMIT = 8192;

// ------------------------------------------------------------------------------------------------
// Addresses (written independently of src/ so that the fake is an oracle, not a copy)
// ------------------------------------------------------------------------------------------------

export function fakeColumnName(col: number): string {
  const letters: string[] = [];
  for (let n = col; n >= 0; n = Math.floor(n / 26) - 1) letters.unshift(String.fromCharCode(65 + (n % 26)));
  return letters.join("");
}

function columnIndex(letters: string): number {
  return letters.split("").reduce((acc, ch) => acc * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** "'学校数据'" for names that need quotes (Excel quotes non-ASCII names). */
function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function cellName(row: number, col: number): string {
  return fakeColumnName(col) + String(row + 1);
}

function areaName(a: FakeArea): string {
  const first = cellName(a.row, a.col);
  return a.rows === 1 && a.cols === 1 ? first : `${first}:${cellName(a.row + a.rows - 1, a.col + a.cols - 1)}`;
}

/** Parses "B2", "B2:D9", "$B$2", "C:E" or "3:5" (no sheet part). */
export function parseFakeArea(address: string): FakeArea {
  const text = address.replace(/\$/g, "").trim().toUpperCase();
  const cols = /^([A-Z]+):([A-Z]+)$/.exec(text);
  if (cols) {
    const c1 = columnIndex(cols[1]);
    return { row: 0, col: c1, rows: MAX_ROWS, cols: columnIndex(cols[2]) - c1 + 1 };
  }
  const rows = /^(\d+):(\d+)$/.exec(text);
  if (rows) return { row: Number(rows[1]) - 1, col: 0, rows: Number(rows[2]) - Number(rows[1]) + 1, cols: MAX_COLS };
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(text);
  if (!m) throw new FakeOfficeError("InvalidArgument", `bad address ${address}`);
  const r1 = Number(m[2]) - 1;
  const c1 = columnIndex(m[1]);
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  const c2 = m[3] ? columnIndex(m[3]) : c1;
  if (r2 < r1 || c2 < c1 || r1 < 0) throw new FakeOfficeError("InvalidArgument", `bad address ${address}`);
  return { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
}

function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function jsonBytes(x: unknown): number {
  return utf8Bytes(JSON.stringify(x) ?? "");
}

// ------------------------------------------------------------------------------------------------
// Errors
// ------------------------------------------------------------------------------------------------

/** Shaped like OfficeExtension.Error: `code` is stable, `message` is localised (here: English). */
export class FakeOfficeError extends Error {
  code: string;
  debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

// ------------------------------------------------------------------------------------------------
// The document (state that persists across runs)
// ------------------------------------------------------------------------------------------------

export class FakeSheet {
  name: string;
  readonly cells = new Map<number, FakeCell>();
  merges: FakeArea[] = [];
  /** Column widths in points, by 0-based column. */
  readonly columnWidths = new Map<number, number>();
  frozenRows = 0;
  frozenCols = 0;
  tabColor = "";
  validations: { area: FakeArea; source: string }[] = [];
  /** Notes (ExcelApi 1.18) and comments (1.10), by A1 address. */
  readonly notes = new Map<string, string>();
  readonly comments = new Map<string, string>();
  /** Native charts (ExcelApi 1.1), in creation order; they go with the sheet when it is deleted. */
  charts: FakeChartRecord[] = [];
  /** Conditional formats (ExcelApi 1.6) in priority order: index 0 is the top priority. */
  conditionalFormats: FakeConditionalFormatRecord[] = [];
  protected = false;

  constructor(name: string) {
    this.name = name;
  }

  private key(row: number, col: number): number {
    return row * MAX_COLS + col;
  }
  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(this.key(row, col));
  }
  /** The cell, created when absent. */
  touch(row: number, col: number): FakeCell {
    const k = this.key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: "" };
      this.cells.set(k, c);
    }
    return c;
  }
  /** Value at an A1 address ("" when empty). */
  valueAt(address: string): FakeValue {
    const a = parseFakeArea(address);
    return this.cell(a.row, a.col)?.value ?? "";
  }
  at(address: string): FakeCell | undefined {
    const a = parseFakeArea(address);
    return this.cell(a.row, a.col);
  }
  /** Used range; valuesOnly ignores cells that only carry formatting. */
  usedArea(valuesOnly: boolean): FakeArea | null {
    let r1 = Infinity,
      c1 = Infinity,
      r2 = -1,
      c2 = -1;
    for (const [k, c] of this.cells) {
      const hasFormat = c.numberFormat !== undefined || c.fill !== undefined || c.bold || c.fontColor !== undefined;
      if (c.value === "" && (valuesOnly || !hasFormat)) continue;
      const r = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      if (r < r1) r1 = r;
      if (r > r2) r2 = r;
      if (col < c1) c1 = col;
      if (col > c2) c2 = col;
    }
    return r2 < 0 ? null : { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
  }
  /** Values of the rectangle A1..(rows, cols), "" for empty: what a person sees. */
  grid(rows?: number, cols?: number): FakeValue[][] {
    const used = this.usedArea(true);
    const nr = rows ?? (used ? used.row + used.rows : 0);
    const nc = cols ?? (used ? used.col + used.cols : 0);
    const out: FakeValue[][] = [];
    for (let r = 0; r < nr; r++) {
      const line: FakeValue[] = [];
      for (let c = 0; c < nc; c++) line.push(this.cell(r, c)?.value ?? "");
      out.push(line);
    }
    return out;
  }
  /** Every cell with a fill, as "A1" → colour. */
  fills(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [k, c] of this.cells) if (c.fill) out.set(cellName(Math.floor(k / MAX_COLS), k % MAX_COLS), c.fill);
    return out;
  }
  /** Cells holding a formula (what must never come from user text). */
  formulas(): string[] {
    const out: string[] = [];
    for (const [k, c] of this.cells) if (c.formula) out.push(cellName(Math.floor(k / MAX_COLS), k % MAX_COLS));
    return out;
  }
  /** A deterministic dump of everything observable, for run-twice-equals-once comparisons. */
  snapshot(): unknown {
    const cells = [...this.cells.entries()]
      .filter(([, c]) => Object.entries(c).some(([key, v]) => key !== "value" || v !== ""))
      .sort((a, b) => a[0] - b[0])
      .map(([k, c]) => [cellName(Math.floor(k / MAX_COLS), k % MAX_COLS), c]);
    return {
      name: this.name,
      cells,
      merges: this.merges.map(areaName).sort(),
      widths: [...this.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
      frozen: [this.frozenRows, this.frozenCols],
      tabColor: this.tabColor,
      validations: this.validations.map((v) => `${areaName(v.area)}=${v.source}`).sort(),
      notes: [...this.notes.entries()].sort(),
      comments: [...this.comments.entries()].sort(),
      charts: this.charts.map((c) => JSON.parse(JSON.stringify(c))),
      conditionalFormats: this.conditionalFormats.map((c) => ({ ...c, area: areaName(c.area) })),
    };
  }
}

/** A conditional format as Excel holds it (only type Custom is modelled). */
export interface FakeConditionalFormatRecord {
  type: "Custom";
  area: FakeArea;
  /** As set through rule.formula, with its leading "=". */
  formula: string;
  fill?: string;
  fontColor?: string;
  /** ConditionalRangeFormat.numberFormat as set (shown instead of the cell's own while true). */
  numberFormat?: string;
}

/** A workbook-scoped defined name referring to a range (or a constant formula). */
export interface FakeNameRecord {
  name: string;
  /** The sheet object the name refers to (the reference follows a rename; a deleted sheet gives #REF!). */
  sheet: FakeSheet | null;
  area: FakeArea | null;
  /** Formula for a non-range name, e.g. "=TRUE". */
  constant?: string;
  visible: boolean;
  comment: string;
}

/** A chart as Excel holds it: its source, its look, and one record per series. */
export interface FakeChartRecord {
  name: string;
  /** Excel.ChartType, e.g. "ColumnClustered". */
  type: string;
  /** Source range without the sheet name, e.g. "A22:E30". */
  source: string;
  seriesBy: string;
  title: string;
  legendPosition: string;
  /** Top-left and bottom-right cells of setPosition, or null (Excel's default place). */
  position: { start: string; end: string | null } | null;
  series: FakeChartSeriesRecord[];
}

export interface FakeChartSeriesRecord {
  /** From the source's header row. */
  name: string;
  /** Series' own chart type once set (ExcelApi 1.7), else the chart's. */
  chartType: string;
  fill?: string;
  lineColor?: string;
  lineStyle?: string;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  /** Number of queued operations (writes, loads, object look-ups). */
  ops: number;
  error?: string;
}

export interface FakeWorkbookOptions {
  /** Highest ExcelApi minor version supported, e.g. "1.7" or "1.18". Default "1.18". */
  apiVersion?: string;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  /** Workbook-scoped defined names. */
  names: FakeNameRecord[] = [];
  apiVersion: string;
  readOnly = false;
  /** Workbook structure protection (no sheets added or deleted). */
  structureProtected = false;
  /** The user is typing in a cell: batches fail unless run with delayForCellEdit. */
  cellEditMode = false;
  /** Document settings as saved in the file (Office.context.document.settings after saveAsync). */
  savedSettings: Record<string, unknown> = {};
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  readonly syncs: SyncRecord[] = [];
  /** Batches that waited for the user to leave cell edit mode. */
  delayedForCellEdit = 0;
  calculationSuspensions = 0;
  /**
   * Writes happened under suspendApiCalculationUntilNextSync and no recalculation has run since:
   * formulas that depend on the written cells show stale values (Microsoft: after suspending, the
   * add-in must recalculate). Cleared by Application.calculate.
   */
  recalcPending = false;
  /** Application.calculate calls, by calculation type. */
  recalculations: string[] = [];
  private injected: { code: string; atSync: number } | null = null;

  constructor(opts: FakeWorkbookOptions = {}) {
    this.apiVersion = opts.apiVersion ?? "1.18";
  }

  /** A workbook from plain grids: { 学校数据: [[…header…], […row…]] }. */
  static from(grids: Record<string, FakeValue[][]>, opts: FakeWorkbookOptions & { numberFormats?: Record<string, Record<string, string>> } = {}): FakeWorkbook {
    const wb = new FakeWorkbook(opts);
    for (const [name, grid] of Object.entries(grids)) {
      const s = wb.addSheet(name);
      grid.forEach((line, r) =>
        line.forEach((v, c) => {
          if (v !== "" && v !== null && v !== undefined) s.touch(r, c).value = v;
        }),
      );
      for (const [addr, fmt] of Object.entries(opts.numberFormats?.[name] ?? {})) {
        const a = parseFakeArea(addr);
        s.touch(a.row, a.col).numberFormat = fmt;
      }
    }
    wb.activeSheet = wb.sheets[0]?.name ?? null;
    return wb;
  }

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    return s;
  }
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }
  supports(version: string): boolean {
    const [aMaj, aMin] = this.apiVersion.split(".").map(Number);
    const [bMaj, bMin] = version.split(".").map(Number);
    return aMaj > bMaj || (aMaj === bMaj && aMin >= (bMin || 0));
  }
  /** The next sync at index `atSync` (0 = the next one) fails with this code. */
  failSync(code: string, atSync = 0): void {
    this.injected = { code, atSync: this.syncs.length + atSync };
  }
  /** @internal */
  takeInjected(): string | null {
    if (this.injected && this.injected.atSync === this.syncs.length) {
      const code = this.injected.code;
      this.injected = null;
      return code;
    }
    return null;
  }
  resetCounters(): void {
    this.syncs.length = 0;
    this.delayedForCellEdit = 0;
    this.calculationSuspensions = 0;
  }
  maxRequestBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.requestBytes), 0);
  }
  maxResponseBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.responseBytes), 0);
  }
  snapshot(): unknown {
    return {
      sheets: this.sheets.map((s) => s.snapshot()),
      active: this.activeSheet,
      names: this.names.map((n) => ({ name: n.name, formula: nameFormula(this, n), visible: n.visible })).sort((a, b) => (a.name < b.name ? -1 : 1)),
    };
  }
  /** Adds a workbook-scoped name referring to an area of a sheet (a fixture's own names). */
  addName(name: string, sheet: string, address: string, visible = true): void {
    this.names.push({ name, sheet: this.sheet(sheet) ?? null, area: parseFakeArea(address), visible, comment: "" });
  }
}

// ------------------------------------------------------------------------------------------------
// Value coercion (what Excel does with a string written to `values`)
// ------------------------------------------------------------------------------------------------

const NUMERIC = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?%?$|^[+-]?\.\d+%?$/;
const DATE = /^\d{4}[/-]\d{1,2}[/-]\d{1,2}$|^\d{1,2}\/\d{1,2}(\/\d{2,4})?$/;
/** "$100", "-¥1,200.50", "($3)": Excel's currency entry (a number with a currency format). */
const CURRENCY = /^([+-]?)(\(?)[$¥￥€£]\s?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\)?$/;
/** "(100)": accounting notation for -100. */
const PAREN_NEGATIVE = /^\((\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?\)$/;
/** "1 1/2": a mixed fraction. */
const FRACTION = /^[+-]?\d+ \d+\/\d+$/;
const TIME = /^\d{1,2}:\d{2}(:\d{2})?(\s?[AP]M)?$/i;
const MONTH_DATE = /^(\d{1,2}[- ])?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*([- ]\d{1,4})?$/i;
const CJK_DATE = /^\d{1,4}年\d{1,2}月(\d{1,2}日)?$|^\d{1,2}月\d{1,2}日$/;
const ERROR_LITERAL = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;

function writeValue(cell: FakeCell, v: unknown): void {
  delete cell.formula;
  delete cell.quotePrefix;
  delete cell.error;
  if (typeof v === "number" || typeof v === "boolean") {
    cell.value = v;
    return;
  }
  const s = String(v);
  if (s === "") {
    cell.value = "";
    return;
  }
  if (cell.numberFormat === "@") {
    cell.value = s;
    return;
  }
  if (s.startsWith("'")) {
    cell.value = s.slice(1);
    cell.quotePrefix = true;
    return;
  }
  const t = s.trim();
  if (NUMERIC.test(t)) {
    const pct = t.endsWith("%");
    cell.value = Number(t.replace(/[,%]/g, "")) / (pct ? 100 : 1);
    return;
  }
  const currency = CURRENCY.exec(t);
  if (currency) {
    const n = Number(t.replace(/[^\d.]/g, ""));
    cell.value = currency[1] === "-" || currency[2] === "(" ? -n : n;
    cell.numberFormat = cell.numberFormat ?? "$#,##0.00";
    return;
  }
  if (PAREN_NEGATIVE.test(t)) {
    cell.value = -Number(t.replace(/[^\d.]/g, "")) / (t.includes("%") ? 100 : 1);
    return;
  }
  if (FRACTION.test(t)) {
    const [whole, frac] = t.replace(/^[+-]/, "").split(" ");
    const [a, b] = frac.split("/").map(Number);
    cell.value = (t.startsWith("-") ? -1 : 1) * (Number(whole) + a / b);
    cell.numberFormat = cell.numberFormat ?? "# ?/?";
    return;
  }
  if (TIME.test(t)) {
    cell.value = 0.5;
    cell.numberFormat = cell.numberFormat ?? "h:mm";
    return;
  }
  if (ERROR_LITERAL.test(t)) {
    cell.value = t.toUpperCase();
    cell.error = true;
    return;
  }
  if (DATE.test(t) || (MONTH_DATE.test(t) && /\d/.test(t)) || CJK_DATE.test(t)) {
    // Excel stores a date serial; the exact serial does not matter here, only that text was lost.
    cell.value = 45000;
    cell.numberFormat = cell.numberFormat ?? "yyyy/m/d";
    return;
  }
  if (/^(TRUE|FALSE)$/i.test(t)) {
    cell.value = /^TRUE$/i.test(t);
    return;
  }
  if (/^[=+\-@]./.test(s)) {
    cell.formula = s.startsWith("=") ? s : `=${s}`;
    cell.value = "#NAME?";
    return;
  }
  cell.value = s;
}

// ------------------------------------------------------------------------------------------------
// The request context and proxies
// ------------------------------------------------------------------------------------------------

interface Op {
  bytes: number;
  run(): void;
  /** Response bytes produced (loads). */
  response?: () => number;
}

type Bound<T> = { ok: true; value: T | null } | { ok: false };

export class FakeRequestContext {
  readonly workbook: FakeWorkbookProxy;
  readonly application: FakeApplication;
  /** @internal */ readonly doc: FakeWorkbook;
  /** @internal */ queue: Op[] = [];
  /** @internal */ readonly delayForCellEdit: boolean;
  private pending: FakeObject[] = [];

  constructor(doc: FakeWorkbook, opts: { delayForCellEdit?: boolean } = {}) {
    this.doc = doc;
    this.delayForCellEdit = !!opts.delayForCellEdit;
    this.workbook = new FakeWorkbookProxy(this);
    this.application = new FakeApplication(this);
  }

  /** @internal */
  enqueue(op: Op): void {
    this.queue.push(op);
  }
  /** @internal */
  track(o: FakeObject): void {
    this.pending.push(o);
  }

  /**
   * Runs the queued operations. Like Excel's sync, a round trip to another process: it yields a
   * macrotask (setTimeout 0) first, so the page's event loop runs between syncs as it does with
   * real Excel (a microtask would run every batch of an assessment as one main-thread task).
   */
  async sync(): Promise<void> {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    const doc = this.doc;
    const ops = this.queue;
    this.queue = [];
    const tracked = this.pending;
    this.pending = [];
    const requestBytes = ops.reduce((n, o) => n + o.bytes, 0);
    const record: SyncRecord = { requestBytes, responseBytes: 0, ops: ops.length };
    const injected = doc.takeInjected();
    doc.syncs.push(record);
    const fail = (code: string, message: string): never => {
      record.error = code;
      throw new FakeOfficeError(code, message);
    };
    if (injected) fail(injected, `Injected failure ${injected}`);
    if (doc.cellEditMode) {
      if (this.delayForCellEdit) doc.delayedForCellEdit++;
      else fail("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
    }
    if (requestBytes > PAYLOAD_LIMIT) fail("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    for (const op of ops) {
      try {
        op.run();
      } catch (e) {
        record.error = (e as FakeOfficeError).code ?? "GeneralException";
        throw e;
      }
      if (op.response) record.responseBytes += op.response();
    }
    for (const o of tracked) o.synced = true;
    if (record.responseBytes > PAYLOAD_LIMIT) fail("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
  }
}

/** Base of every proxy: a target bound when its creation op runs at sync. */
abstract class FakeObject {
  /** @internal */ synced = false;
  /** @internal */ bound: Bound<unknown> = { ok: false };
  constructor(readonly context: FakeRequestContext) {
    context.track(this);
  }
  get isNullObject(): boolean {
    if (!this.synced || !this.bound.ok) throw new FakeOfficeError("PropertyNotLoaded", "isNullObject is not available before context.sync().");
    return this.bound.value === null;
  }
  /** The bound target during op execution; a null object fails the op like Excel. */
  protected target<T>(): T {
    if (!this.bound.ok) throw new FakeOfficeError("GeneralException", "object used before it was created");
    if (this.bound.value === null) throw new FakeOfficeError("InvalidOperation", "The object is a null object.");
    return this.bound.value as T;
  }
  protected bindWhenRun(resolve: () => unknown): void {
    this.context.enqueue({
      bytes: 16,
      run: () => {
        this.bound = { ok: true, value: resolve() };
      },
    });
  }
}

/** A collection proxy: `items` exists after a load of it and a sync. */
abstract class FakeCollection<T> extends FakeObject {
  private loadedItems: T[] | null = null;
  protected abstract readonly label: string;
  get items(): T[] {
    if (!this.loadedItems) throw new FakeOfficeError("PropertyNotLoaded", `${this.label}.items is not loaded.`);
    return this.loadedItems;
  }
  /** Queues the load: at sync, `produce` gets the requested item properties (without "items/") and returns the items and the response bytes. */
  protected loadItems(props: unknown, produce: (names: string[]) => { items: T[]; bytes: number }): this {
    const names = loadNames(props).map((n) => n.replace(/^items\//, ""));
    let bytes = 0;
    this.context.enqueue({
      bytes: 32,
      run: () => {
        const r = produce(names);
        this.loadedItems = r.items;
        bytes = r.bytes;
      },
      response: () => bytes,
    });
    return this;
  }
}

/** A loaded property bag: reading before load + sync throws PropertyNotLoaded. */
class Loaded {
  private values = new Map<string, unknown>();
  private requested = new Set<string>();
  request(name: string): void {
    this.requested.add(name);
  }
  set(name: string, v: unknown): void {
    this.values.set(name, v);
  }
  get<T>(owner: string, name: string): T {
    if (!this.values.has(name)) throw new FakeOfficeError("PropertyNotLoaded", `The property '${name}' of ${owner} is not available. Call load and context.sync() first.`);
    return this.values.get(name) as T;
  }
  wanted(): string[] {
    return [...this.requested];
  }
  clearRequests(): void {
    this.requested.clear();
  }
}

function loadNames(arg: unknown): string[] {
  if (arg === undefined) return [];
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.map(String);
  if (arg && typeof arg === "object" && "select" in arg) return String((arg as { select: string }).select).split(",").map((s) => s.trim());
  return [];
}

function requireApi(doc: FakeWorkbook, version: string, what: string): void {
  if (!doc.supports(version)) throw new FakeOfficeError("ApiNotFound", `${what} needs ExcelApi ${version}; this Excel has ${doc.apiVersion}.`);
}

function assertWritable(doc: FakeWorkbook, sheet: FakeSheet | null, what: string): void {
  if (doc.readOnly) throw new FakeOfficeError("AccessDenied", `Read-only workbook: ${what}`);
  if (sheet?.protected) throw new FakeOfficeError("AccessDenied", `The sheet is protected: ${what}`);
}

// --- Workbook ------------------------------------------------------------------------------------

export class FakeWorkbookProxy
  extends FakeObject
  implements Shape<Excel.Workbook, "worksheets" | "application" | "protection" | "readOnly" | "comments" | "names" | "load">
{
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly protection: FakeWorkbookProtection;
  private loaded = new Loaded();
  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.bound = { ok: true, value: ctx.doc };
    this.synced = true;
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.protection = new FakeWorkbookProtection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
  }
  get application(): FakeApplication {
    return this.context.application;
  }
  get readOnly(): boolean {
    return this.loaded.get("Workbook", "readOnly");
  }
  get comments(): FakeCommentCollection {
    return new FakeCommentCollection(this.context, null);
  }
  load(props?: unknown): this {
    const names = loadNames(props);
    const doc = this.context.doc;
    this.context.enqueue({
      bytes: 32,
      run: () => {
        for (const n of names) {
          if (n === "readOnly") {
            requireApi(doc, "1.8", "Workbook.readOnly");
            this.loaded.set(n, doc.readOnly);
          } else throw new FakeOfficeError("InvalidArgument", `Workbook.${n} is not modelled`);
        }
      },
      response: () => 16,
    });
    return this;
  }
}

export class FakeWorkbookProtection extends FakeObject implements Shape<Excel.WorkbookProtection, "protected" | "load"> {
  private loaded = new Loaded();
  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.bound = { ok: true, value: ctx.doc };
  }
  get protected(): boolean {
    return this.loaded.get("WorkbookProtection", "protected");
  }
  load(props?: unknown): this {
    const doc = this.context.doc;
    for (const n of loadNames(props)) if (n !== "protected") throw new FakeOfficeError("InvalidArgument", n);
    this.context.enqueue({
      bytes: 32,
      run: () => {
        requireApi(doc, "1.7", "WorkbookProtection.protected");
        this.loaded.set("protected", doc.structureProtected);
      },
      response: () => 8,
    });
    return this;
  }
}

export class FakeApplication extends FakeObject implements Shape<Excel.Application, "suspendApiCalculationUntilNextSync" | "calculate"> {
  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.bound = { ok: true, value: ctx.doc };
  }
  suspendApiCalculationUntilNextSync(): void {
    const doc = this.context.doc;
    this.context.enqueue({
      bytes: 32,
      run: () => {
        requireApi(doc, "1.6", "suspendApiCalculationUntilNextSync");
        doc.calculationSuspensions++;
        doc.recalcPending = true;
      },
    });
  }
  calculate(calculationType: Excel.CalculationType | "Recalculate" | "Full" | "FullRebuild"): void {
    const doc = this.context.doc;
    this.context.enqueue({
      bytes: 48,
      run: () => {
        doc.recalculations.push(String(calculationType));
        doc.recalcPending = false;
      },
    });
  }
}

// --- Worksheets ------------------------------------------------------------------------------------

export class FakeWorksheetCollection
  extends FakeCollection<FakeWorksheet>
  implements Shape<Excel.WorksheetCollection, "items" | "getItem" | "getItemOrNullObject" | "add" | "load">
{
  protected readonly label = "WorksheetCollection";
  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.bound = { ok: true, value: ctx.doc };
  }
  load(props?: unknown): this {
    const doc = this.context.doc;
    return this.loadItems(props, (names) => {
      let bytes = 0;
      const items = doc.sheets.map((s) => {
        const ws = new FakeWorksheet(this.context, () => s);
        ws.bound = { ok: true, value: s };
        ws.synced = true;
        ws.fill(names.length ? names : ["name"]);
        bytes += jsonBytes(s.name) + 16;
        return ws;
      });
      return { items, bytes };
    });
  }
  getItem(key: string): FakeWorksheet {
    const doc = this.context.doc;
    return new FakeWorksheet(this.context, () => {
      const s = doc.sheet(key);
      if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: worksheet ${key}`);
      return s;
    });
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    const doc = this.context.doc;
    return new FakeWorksheet(this.context, () => doc.sheet(key) ?? null);
  }
  add(name?: string): FakeWorksheet {
    const doc = this.context.doc;
    return new FakeWorksheet(
      this.context,
      () => {
        assertWritable(doc, null, "add sheet");
        if (doc.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook structure is protected.");
        const n = name ?? `Sheet${doc.sheets.length + 1}`;
        if (doc.sheet(n)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${n} already exists.`);
        if (n.length > 31 || /[:\\/?*[\]]/.test(n)) throw new FakeOfficeError("InvalidArgument", `Bad sheet name ${n}`);
        return doc.addSheet(n);
      },
      jsonBytes(name ?? ""),
    );
  }
}

export class FakeWorksheet
  extends FakeObject
  implements
    Shape<
      Excel.Worksheet,
      | "name"
      | "position"
      | "tabColor"
      | "protection"
      | "freezePanes"
      | "notes"
      | "comments"
      | "charts"
      | "getRange"
      | "getRangeByIndexes"
      | "getRanges"
      | "getUsedRangeOrNullObject"
      | "activate"
      | "delete"
      | "load"
    >
{
  private loaded = new Loaded();
  readonly protection: FakeWorksheetProtection;
  readonly freezePanes: FakeFreezePanes;
  constructor(ctx: FakeRequestContext, resolve: () => FakeSheet | null, bytes = 16) {
    super(ctx);
    ctx.enqueue({
      bytes,
      run: () => {
        this.bound = { ok: true, value: resolve() };
      },
    });
    this.protection = new FakeWorksheetProtection(ctx, this);
    this.freezePanes = new FakeFreezePanes(ctx, this);
  }
  /** @internal */
  sheet(): FakeSheet {
    return this.target<FakeSheet>();
  }
  /** @internal */
  sheetOrNull(): FakeSheet | null {
    return this.bound.ok ? (this.bound.value as FakeSheet | null) : null;
  }
  /** @internal fill loaded properties now (collection loads). */
  fill(names: string[]): void {
    const s = this.sheet();
    for (const n of names) {
      if (n === "name") this.loaded.set(n, s.name);
      else if (n === "tabColor") this.loaded.set(n, s.tabColor);
      else if (n === "protection/protected") this.protection.fill(s.protected);
      else throw new FakeOfficeError("InvalidArgument", `Worksheet.${n} is not modelled by the fake`);
    }
  }
  get name(): string {
    return this.loaded.get("Worksheet", "name");
  }
  set name(v: string) {
    this.context.enqueue({ bytes: jsonBytes(v), run: () => void (this.sheet().name = v) });
  }
  get position(): number {
    return this.loaded.get("Worksheet", "position");
  }
  /** Moves the sheet to a 0-based tab position (ExcelApi 1.1). */
  set position(v: number) {
    const doc = this.context.doc;
    this.context.enqueue({
      bytes: 16,
      run: () => {
        const s = this.sheet();
        assertWritable(doc, null, "position");
        if (doc.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook structure is protected.");
        if (!Number.isInteger(v) || v < 0 || v >= doc.sheets.length) throw new FakeOfficeError("InvalidArgument", `bad position ${v}`);
        doc.sheets = doc.sheets.filter((x) => x !== s);
        doc.sheets.splice(v, 0, s);
      },
    });
  }
  get tabColor(): string {
    return this.loaded.get("Worksheet", "tabColor");
  }
  set tabColor(v: string) {
    const doc = this.context.doc;
    this.context.enqueue({
      bytes: jsonBytes(v),
      run: () => {
        requireApi(doc, "1.7", "Worksheet.tabColor");
        assertWritable(doc, this.sheet(), "tabColor");
        this.sheet().tabColor = v;
      },
    });
  }
  get notes(): FakeNoteCollection {
    return new FakeNoteCollection(this.context, this);
  }
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.context, this);
  }
  get comments(): FakeCommentCollection {
    return new FakeCommentCollection(this.context, this);
  }
  load(props?: unknown): this {
    const names = loadNames(props);
    this.context.enqueue({
      bytes: 32,
      run: () => {
        if (this.sheetOrNull() === null && this.bound.ok) return;
        this.fill(names);
      },
      response: () => 32,
    });
    return this;
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this.sheetOrNullChecked();
      return s && { sheet: s, area: parseFakeArea(address ?? "A1:XFD1048576") };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this.sheetOrNullChecked();
      if (rowCount < 1 || columnCount < 1) throw new FakeOfficeError("InvalidArgument", "empty range");
      return s && { sheet: s, area: { row: startRow, col: startColumn, rows: rowCount, cols: columnCount } };
    });
  }
  getRanges(address?: string): FakeRangeAreas {
    const doc = this.context.doc;
    return new FakeRangeAreas(
      this.context,
      () => {
        requireApi(doc, "1.9", "Worksheet.getRanges");
        const text = address ?? "";
        if (text.length > RANGE_AREAS_ADDRESS_LIMIT) throw new FakeOfficeError("InvalidArgument", `RangeAreas address longer than ${RANGE_AREAS_ADDRESS_LIMIT}`);
        const s = this.sheet();
        return { sheet: s, areas: text.split(/[,;]/).map((a) => parseFakeArea(a)) };
      },
      jsonBytes(address ?? ""),
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this.sheetOrNullChecked();
      if (!s) return null;
      const a = s.usedArea(!!valuesOnly);
      return a && { sheet: s, area: a };
    });
  }
  activate(): void {
    const doc = this.context.doc;
    this.context.enqueue({ bytes: 16, run: () => void (doc.activeSheet = this.sheet().name) });
  }
  delete(): void {
    const doc = this.context.doc;
    this.context.enqueue({
      bytes: 16,
      run: () => {
        const s = this.sheet();
        assertWritable(doc, null, "delete sheet");
        if (doc.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook structure is protected.");
        if (doc.sheets.length === 1) throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
        doc.sheets = doc.sheets.filter((x) => x !== s);
        if (doc.activeSheet === s.name) doc.activeSheet = doc.sheets[0].name;
      },
    });
  }
  private sheetOrNullChecked(): FakeSheet | null {
    if (!this.bound.ok) throw new FakeOfficeError("GeneralException", "sheet not bound");
    return this.bound.value as FakeSheet | null;
  }
}

export class FakeWorksheetProtection extends FakeObject implements Shape<Excel.WorksheetProtection, "protected" | "load"> {
  private loaded = new Loaded();
  constructor(
    ctx: FakeRequestContext,
    private ws: FakeWorksheet,
  ) {
    super(ctx);
    this.synced = true;
  }
  get protected(): boolean {
    return this.loaded.get("WorksheetProtection", "protected");
  }
  /** @internal set by a load through the worksheet ("protection/protected"). */
  fill(v: boolean): void {
    this.loaded.set("protected", v);
  }
  load(props?: unknown): this {
    for (const n of loadNames(props)) if (n !== "protected") throw new FakeOfficeError("InvalidArgument", n);
    this.context.enqueue({
      bytes: 32,
      run: () => {
        const s = this.ws.sheetOrNull();
        this.loaded.set("protected", s ? s.protected : null);
      },
      response: () => 8,
    });
    return this;
  }
}

export class FakeFreezePanes extends FakeObject implements Shape<Excel.WorksheetFreezePanes, "freezeRows" | "freezeColumns" | "freezeAt" | "unfreeze"> {
  constructor(
    ctx: FakeRequestContext,
    private ws: FakeWorksheet,
  ) {
    super(ctx);
    this.synced = true;
  }
  private op(f: (s: FakeSheet) => void): void {
    const doc = this.context.doc;
    this.context.enqueue({
      bytes: 24,
      run: () => {
        requireApi(doc, "1.7", "freezePanes");
        f(this.ws.sheet());
      },
    });
  }
  // Each call sets the whole frozen pane, as Excel does.
  freezeRows(count?: number): void {
    this.op((s) => {
      s.frozenRows = count ?? 1;
      s.frozenCols = 0;
    });
  }
  freezeColumns(count?: number): void {
    this.op((s) => {
      s.frozenCols = count ?? 1;
      s.frozenRows = 0;
    });
  }
  freezeAt(frozenRange: FakeRange | string): void {
    this.op((s) => {
      const a = typeof frozenRange === "string" ? parseFakeArea(frozenRange) : frozenRange.area().area;
      if (a.row !== 0 || a.col !== 0) throw new FakeOfficeError("InvalidArgument", "freezeAt needs a range starting at A1");
      s.frozenRows = a.rows;
      s.frozenCols = a.cols;
    });
  }
  unfreeze(): void {
    this.op((s) => {
      s.frozenRows = 0;
      s.frozenCols = 0;
    });
  }
}

// --- Ranges ------------------------------------------------------------------------------------

type RangeTarget = { sheet: FakeSheet; area: FakeArea };

function eachCell(area: FakeArea, f: (r: number, c: number) => void): void {
  for (let r = area.row; r < area.row + area.rows; r++) for (let c = area.col; c < area.col + area.cols; c++) f(r, c);
}

export class FakeRange
  extends FakeObject
  implements
    Shape<
      Excel.Range,
      | "values"
      | "numberFormat"
      | "address"
      | "rowIndex"
      | "columnIndex"
      | "rowCount"
      | "columnCount"
      | "format"
      | "dataValidation"
      | "clear"
      | "merge"
      | "unmerge"
      | "select"
      | "load"
      | "getUsedRangeOrNullObject"
      | "conditionalFormats"
    >
{
  private loaded = new Loaded();
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;
  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this.context, this);
  }
  constructor(ctx: FakeRequestContext, resolve: () => RangeTarget | null) {
    super(ctx);
    this.bindWhenRun(() => {
      const t = resolve();
      if (t) {
        const { area } = t;
        if (area.row < 0 || area.col < 0 || area.row + area.rows > MAX_ROWS || area.col + area.cols > MAX_COLS)
          throw new FakeOfficeError("InvalidArgument", "range outside the sheet");
      }
      return t;
    });
    this.format = new FakeRangeFormat(ctx, () => [this.area()]);
    this.dataValidation = new FakeDataValidation(ctx, this);
  }
  /** @internal */
  area(): RangeTarget {
    return this.target<RangeTarget>();
  }
  private write(bytes: number, f: (t: RangeTarget) => void, what: string): void {
    const doc = this.context.doc;
    this.context.enqueue({
      bytes,
      run: () => {
        const t = this.area();
        assertWritable(doc, t.sheet, what);
        f(t);
      },
    });
  }
  private checkShape(t: RangeTarget, v: unknown[][], what: string): void {
    if (!Array.isArray(v) || v.length !== t.area.rows || v.some((row) => !Array.isArray(row) || row.length !== t.area.cols))
      throw new FakeOfficeError("InvalidArgument", `${what}: the array does not match the range ${t.area.rows}×${t.area.cols}`);
  }
  /** Queues a 2-D write; null entries leave their cell as it is (Office.js semantics). */
  private writeGrid(v: any[][], what: string, put: (cell: FakeCell, x: unknown) => void): void {
    this.write(
      jsonBytes(v),
      (t) => {
        this.checkShape(t, v, what);
        v.forEach((line, i) =>
          line.forEach((x, j) => {
            if (x !== null && x !== undefined) put(t.sheet.touch(t.area.row + i, t.area.col + j), x);
          }),
        );
      },
      what,
    );
  }
  get values(): any[][] {
    return this.loaded.get("Range", "values");
  }
  set values(v: any[][]) {
    this.writeGrid(v, "values", writeValue);
  }
  get numberFormat(): any[][] {
    return this.loaded.get("Range", "numberFormat");
  }
  set numberFormat(v: any[][]) {
    this.writeGrid(v, "numberFormat", (cell, x) => {
      if (x === "General") delete cell.numberFormat;
      else cell.numberFormat = String(x);
    });
  }
  get address(): string {
    return this.loaded.get("Range", "address");
  }
  get rowIndex(): number {
    return this.loaded.get("Range", "rowIndex");
  }
  get columnIndex(): number {
    return this.loaded.get("Range", "columnIndex");
  }
  get rowCount(): number {
    return this.loaded.get("Range", "rowCount");
  }
  get columnCount(): number {
    return this.loaded.get("Range", "columnCount");
  }
  load(props?: unknown): this {
    const names = loadNames(props);
    let bytes = 0;
    this.context.enqueue({
      bytes: 32,
      run: () => {
        if (this.bound.ok && this.bound.value === null) return; // null object: nothing to load
        const { sheet, area } = this.area();
        for (const n of names) {
          let v: unknown;
          switch (n) {
            case "values":
              v = this.readGrid(sheet, area, (c) => (c ? c.value : ""));
              break;
            case "numberFormat":
              v = this.readGrid(sheet, area, (c) => c?.numberFormat ?? "General");
              break;
            case "formulas":
              v = this.readGrid(sheet, area, (c) => (c ? (c.formula ?? c.value) : ""));
              break;
            case "address":
              v = `${sheetRef(sheet.name)}!${areaName(area)}`;
              break;
            case "rowIndex":
              v = area.row;
              break;
            case "columnIndex":
              v = area.col;
              break;
            case "rowCount":
              v = area.rows;
              break;
            case "columnCount":
              v = area.cols;
              break;
            default:
              throw new FakeOfficeError("InvalidArgument", `Range.${n} is not modelled by the fake`);
          }
          bytes += jsonBytes(v);
          this.loaded.set(n, v);
        }
      },
      response: () => bytes,
    });
    return this;
  }
  private readGrid(sheet: FakeSheet, area: FakeArea, f: (c: FakeCell | undefined) => unknown): unknown[][] {
    if (area.rows * area.cols > 5_000_000) throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "range too large");
    const out: unknown[][] = [];
    for (let r = 0; r < area.rows; r++) {
      const line: unknown[] = [];
      for (let c = 0; c < area.cols; c++) line.push(f(sheet.cell(area.row + r, area.col + c)));
      out.push(line);
    }
    return out;
  }
  clear(applyTo?: "All" | "Formats" | "Contents" | string): void {
    const mode = applyTo ?? "All";
    this.write(
      24,
      ({ sheet, area }) => {
        eachCell(area, (r, c) => {
          const cell = sheet.cell(r, c);
          if (!cell) return;
          if (mode === "All" || mode === "Contents") {
            cell.value = "";
            delete cell.formula;
            delete cell.quotePrefix;
          }
          if (mode === "All" || mode === "Formats") {
            for (const k of ["numberFormat", "fill", "bold", "fontColor", "wrap", "horizontalAlignment", "borders"] as const) delete cell[k];
          }
        });
        if (mode === "All" || mode === "Formats") {
          sheet.merges = sheet.merges.filter((m) => !inside(m, area));
          // Excel clears conditional formats with the formats; modelled for rules wholly inside.
          sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !inside(cf.area, area));
        }
      },
      "clear",
    );
  }
  merge(across?: boolean): void {
    this.write(
      24,
      ({ sheet, area }) => {
        const parts = across ? Array.from({ length: area.rows }, (_, i) => ({ ...area, row: area.row + i, rows: 1 })) : [area];
        for (const p of parts) {
          sheet.merges = sheet.merges.filter((m) => !overlaps(m, p));
          if (p.rows * p.cols > 1) sheet.merges.push(p);
          // Excel keeps only the upper-left value of a merged area (the others are discarded).
          eachCell(p, (r, c) => {
            const cell = sheet.cell(r, c);
            if (cell && (r !== p.row || c !== p.col)) {
              cell.value = "";
              delete cell.formula;
              delete cell.quotePrefix;
            }
          });
        }
      },
      "merge",
    );
  }
  unmerge(): void {
    this.write(24, ({ sheet, area }) => void (sheet.merges = sheet.merges.filter((m) => !overlaps(m, area))), "unmerge");
  }
  select(): void {
    const doc = this.context.doc;
    this.context.enqueue({
      bytes: 16,
      run: () => {
        const { sheet, area } = this.area();
        if (doc.activeSheet !== sheet.name) throw new FakeOfficeError("InvalidSelection", "Select a range on the active sheet only.");
        doc.selection = { sheet: sheet.name, address: areaName(area) };
      },
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, area } = this.area();
      const used = sheet.usedArea(!!valuesOnly);
      if (!used) return null;
      const r1 = Math.max(used.row, area.row),
        c1 = Math.max(used.col, area.col);
      const r2 = Math.min(used.row + used.rows, area.row + area.rows),
        c2 = Math.min(used.col + used.cols, area.col + area.cols);
      return r2 > r1 && c2 > c1 ? { sheet, area: { row: r1, col: c1, rows: r2 - r1, cols: c2 - c1 } } : null;
    });
  }
}

function inside(a: FakeArea, b: FakeArea): boolean {
  return a.row >= b.row && a.col >= b.col && a.row + a.rows <= b.row + b.rows && a.col + a.cols <= b.col + b.cols;
}
function overlaps(a: FakeArea, b: FakeArea): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

export class FakeRangeAreas extends FakeObject implements Shape<Excel.RangeAreas, "format" | "address" | "areaCount" | "load"> {
  private loaded = new Loaded();
  readonly format: FakeRangeFormat;
  constructor(ctx: FakeRequestContext, resolve: () => { sheet: FakeSheet; areas: FakeArea[] }, bytes: number) {
    super(ctx);
    ctx.enqueue({
      bytes,
      run: () => {
        this.bound = { ok: true, value: resolve() };
      },
    });
    this.format = new FakeRangeFormat(ctx, () => {
      const t = this.target<{ sheet: FakeSheet; areas: FakeArea[] }>();
      return t.areas.map((area) => ({ sheet: t.sheet, area }));
    });
  }
  get address(): string {
    return this.loaded.get("RangeAreas", "address");
  }
  get areaCount(): number {
    return this.loaded.get("RangeAreas", "areaCount");
  }
  load(props?: unknown): this {
    const names = loadNames(props);
    this.context.enqueue({
      bytes: 32,
      run: () => {
        const t = this.target<{ sheet: FakeSheet; areas: FakeArea[] }>();
        for (const n of names) {
          if (n === "areaCount") this.loaded.set(n, t.areas.length);
          else if (n === "address") this.loaded.set(n, t.areas.map((a) => `${sheetRef(t.sheet.name)}!${areaName(a)}`).join(","));
          else throw new FakeOfficeError("InvalidArgument", n);
        }
      },
      response: () => 64,
    });
    return this;
  }
}

// --- Formats ------------------------------------------------------------------------------------

type Targets = () => RangeTarget[];

function formatOp(ctx: FakeRequestContext, targets: Targets, bytes: number, what: string, f: (cell: FakeCell, sheet: FakeSheet, r: number, c: number) => void): void {
  const doc = ctx.doc;
  ctx.enqueue({
    bytes,
    run: () => {
      for (const t of targets()) {
        assertWritable(doc, t.sheet, what);
        eachCell(t.area, (r, c) => f(t.sheet.touch(r, c), t.sheet, r, c));
      }
    },
  });
}

/** A formatting object that applies to the cells of its owner's targets. */
abstract class FakeFormatPart extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    protected targets: Targets,
  ) {
    super(ctx);
    this.synced = true;
  }
}

export class FakeRangeFormat
  extends FakeObject
  implements Shape<Excel.RangeFormat, "fill" | "font" | "borders" | "wrapText" | "horizontalAlignment" | "columnWidth">
{
  readonly fill: FakeFill;
  readonly font: FakeFont;
  readonly borders: FakeBorders;
  constructor(
    ctx: FakeRequestContext,
    private targets: Targets,
  ) {
    super(ctx);
    this.synced = true;
    this.fill = new FakeFill(ctx, targets);
    this.font = new FakeFont(ctx, targets);
    this.borders = new FakeBorders(ctx, targets);
  }
  get wrapText(): boolean {
    throw new FakeOfficeError("PropertyNotLoaded", "RangeFormat.wrapText is not loaded.");
  }
  set wrapText(v: boolean) {
    formatOp(this.context, this.targets, 16, "wrapText", (cell) => void (cell.wrap = v));
  }
  get horizontalAlignment(): Excel.HorizontalAlignment | "General" | "Left" | "Center" | "Right" | "Fill" | "Justify" | "CenterAcrossSelection" | "Distributed" {
    throw new FakeOfficeError("PropertyNotLoaded", "RangeFormat.horizontalAlignment is not loaded.");
  }
  set horizontalAlignment(v: Excel.HorizontalAlignment | "General" | "Left" | "Center" | "Right" | "Fill" | "Justify" | "CenterAcrossSelection" | "Distributed") {
    formatOp(this.context, this.targets, 24, "horizontalAlignment", (cell) => void (cell.horizontalAlignment = String(v)));
  }
  get columnWidth(): number {
    throw new FakeOfficeError("PropertyNotLoaded", "RangeFormat.columnWidth is not loaded.");
  }
  set columnWidth(points: number) {
    const doc = this.context.doc;
    this.context.enqueue({
      bytes: 16,
      run: () => {
        for (const t of this.targets()) {
          assertWritable(doc, t.sheet, "columnWidth");
          for (let c = t.area.col; c < t.area.col + t.area.cols; c++) t.sheet.columnWidths.set(c, points);
        }
      },
    });
  }
}

export class FakeFill extends FakeFormatPart implements Shape<Excel.RangeFill, "color" | "clear"> {
  get color(): string {
    throw new FakeOfficeError("PropertyNotLoaded", "RangeFill.color is not loaded.");
  }
  set color(v: string) {
    if (!/^#[0-9A-Fa-f]{6}$/.test(v)) throw new FakeOfficeError("InvalidArgument", `bad colour ${v}`);
    formatOp(this.context, this.targets, jsonBytes(v), "fill", (cell) => void (cell.fill = v.toUpperCase()));
  }
  clear(): void {
    formatOp(this.context, this.targets, 16, "fill.clear", (cell) => void delete cell.fill);
  }
}

export class FakeFont extends FakeFormatPart implements Shape<Excel.RangeFont, "bold" | "color"> {
  get bold(): boolean {
    throw new FakeOfficeError("PropertyNotLoaded", "RangeFont.bold is not loaded.");
  }
  set bold(v: boolean) {
    formatOp(this.context, this.targets, 16, "bold", (cell) => void (cell.bold = v));
  }
  get color(): string {
    throw new FakeOfficeError("PropertyNotLoaded", "RangeFont.color is not loaded.");
  }
  set color(v: string) {
    formatOp(this.context, this.targets, jsonBytes(v), "font.color", (cell) => void (cell.fontColor = v.toUpperCase()));
  }
}

const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];

export class FakeBorders extends FakeFormatPart implements Shape<Excel.RangeBorderCollection, "getItem"> {
  getItem(index: string): FakeBorder {
    if (!BORDER_INDEXES.includes(index)) throw new FakeOfficeError("InvalidArgument", `bad border index ${index}`);
    return new FakeBorder(this.context, this.targets, index);
  }
}

export class FakeBorder extends FakeObject implements Shape<Excel.RangeBorder, "style"> {
  constructor(
    ctx: FakeRequestContext,
    private targets: Targets,
    private index: string,
  ) {
    super(ctx);
    this.synced = true;
  }
  get style(): Excel.BorderLineStyle | "None" | "Continuous" | "Dash" | "DashDot" | "DashDotDot" | "Dot" | "Double" | "SlantDashDot" {
    throw new FakeOfficeError("PropertyNotLoaded", "RangeBorder.style is not loaded.");
  }
  set style(v: Excel.BorderLineStyle | "None" | "Continuous" | "Dash" | "DashDot" | "DashDotDot" | "Dot" | "Double" | "SlantDashDot") {
    formatOp(this.context, this.targets, 32, "border", (cell) => {
      const set = new Set(cell.borders ?? []);
      if (v === "None") set.delete(this.index);
      else set.add(this.index);
      if (set.size) cell.borders = [...set].sort();
      else delete cell.borders;
    });
  }
}

// --- Charts (ExcelApi 1.1; series chartType and line style 1.7) ---------------------------------

/**
 * worksheet.charts. `add(type, range, seriesBy)` creates the chart at sync from the range as Excel
 * does for a table with a header row and a text first column: by "Columns" (or "Auto"), one
 * series per column after the first, named by the header row.
 */
export class FakeChartCollection extends FakeObject implements Shape<Excel.ChartCollection, "add" | "getItem" | "items" | "load" | "count"> {
  private loadedItems: FakeChart[] | null = null;
  constructor(
    ctx: FakeRequestContext,
    private ws: FakeWorksheet,
  ) {
    super(ctx);
    this.synced = true;
  }
  get items(): FakeChart[] {
    if (!this.loadedItems) throw new FakeOfficeError("PropertyNotLoaded", "ChartCollection.items is not loaded.");
    return this.loadedItems;
  }
  get count(): number {
    return this.items.length;
  }
  load(props?: unknown): this {
    const names = loadNames(props).map((n) => n.replace(/^items\//, ""));
    const doc = this.context.doc;
    this.context.enqueue({
      bytes: 32,
      run: () => {
        requireApi(doc, "1.1", "Worksheet.charts");
        this.loadedItems = this.ws.sheet().charts.map((rec) => {
          const c = new FakeChart(this.context, () => rec);
          c.bound = { ok: true, value: rec };
          c.synced = true;
          for (const n of names) if (n !== "name") throw new FakeOfficeError("InvalidArgument", `Chart.${n} is not modelled by the fake`);
          c.loadedName = rec.name;
          return c;
        });
      },
      response: () => 32 * (this.loadedItems?.length ?? 0),
    });
    return this;
  }
  getItem(name: string): FakeChart {
    return new FakeChart(this.context, () => {
      const rec = this.ws.sheet().charts.find((c) => c.name === name);
      if (!rec) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: chart ${name}`);
      return rec;
    });
  }
  add(type: Excel.ChartType | string, sourceData: FakeRange, seriesBy: Excel.ChartSeriesBy | string = "Auto"): FakeChart {
    const doc = this.context.doc;
    return new FakeChart(
      this.context,
      () => {
        requireApi(doc, "1.1", "ChartCollection.add");
        const s = this.ws.sheet();
        assertWritable(doc, s, "add chart");
        const t = sourceData.area();
        if (t.sheet !== s) throw new FakeOfficeError("InvalidArgument", "the fake models charts over a range of their own sheet");
        if (seriesBy !== "Columns" && seriesBy !== "Auto") throw new FakeOfficeError("InvalidArgument", `seriesBy ${seriesBy} is not modelled`);
        const { row, col, rows, cols } = t.area;
        if (rows < 2 || cols < 2) throw new FakeOfficeError("InvalidArgument", "a chart source needs a header row and a category column");
        const series: FakeChartSeriesRecord[] = [];
        for (let c = col + 1; c < col + cols; c++) series.push({ name: String(s.cell(row, c)?.value ?? ""), chartType: String(type) });
        const rec: FakeChartRecord = {
          name: `Chart ${s.charts.length + 1}`,
          type: String(type),
          source: areaName(t.area),
          seriesBy: String(seriesBy),
          title: "",
          legendPosition: "Right",
          position: null,
          series,
        };
        s.charts.push(rec);
        return rec;
      },
      jsonBytes([type, seriesBy]),
    );
  }
}

export class FakeChart extends FakeObject implements Shape<Excel.Chart, "name" | "title" | "legend" | "series" | "setPosition" | "delete"> {
  /** @internal set by a collection load of items/name. */
  loadedName: string | undefined;
  readonly title: FakeChartTitle;
  readonly legend: FakeChartLegend;
  readonly series: FakeChartSeriesCollection;
  constructor(ctx: FakeRequestContext, resolve: () => FakeChartRecord, bytes = 16) {
    super(ctx);
    ctx.enqueue({ bytes, run: () => void (this.bound = { ok: true, value: resolve() }) });
    this.title = new FakeChartTitle(ctx, this);
    this.legend = new FakeChartLegend(ctx, this);
    this.series = new FakeChartSeriesCollection(ctx, this);
  }
  /** @internal */
  rec(): FakeChartRecord {
    return this.target<FakeChartRecord>();
  }
  /** @internal queue a change of the chart record. */
  change(bytes: number, f: (r: FakeChartRecord) => void): void {
    this.context.enqueue({ bytes, run: () => f(this.rec()) });
  }
  get name(): string {
    if (this.loadedName === undefined) throw new FakeOfficeError("PropertyNotLoaded", "Chart.name is not loaded.");
    return this.loadedName;
  }
  set name(v: string) {
    this.change(jsonBytes(v), (r) => void (r.name = v));
  }
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    const name = (x: FakeRange | string) => (typeof x === "string" ? areaName(parseFakeArea(x)) : areaName(x.area().area));
    this.change(32, (r) => void (r.position = { start: name(startCell), end: endCell === undefined ? null : name(endCell) }));
  }
  delete(): void {
    const doc = this.context.doc;
    this.context.enqueue({
      bytes: 16,
      run: () => {
        const rec = this.rec();
        for (const s of doc.sheets) s.charts = s.charts.filter((c) => c !== rec);
      },
    });
  }
}

export class FakeChartTitle extends FakeObject implements Shape<Excel.ChartTitle, "text"> {
  constructor(
    ctx: FakeRequestContext,
    private chart: FakeChart,
  ) {
    super(ctx);
    this.synced = true;
  }
  get text(): string {
    throw new FakeOfficeError("PropertyNotLoaded", "ChartTitle.text is not loaded.");
  }
  set text(v: string) {
    this.chart.change(jsonBytes(v), (r) => void (r.title = v));
  }
}

export class FakeChartLegend extends FakeObject implements Shape<Excel.ChartLegend, "position"> {
  constructor(
    ctx: FakeRequestContext,
    private chart: FakeChart,
  ) {
    super(ctx);
    this.synced = true;
  }
  get position(): Excel.ChartLegend["position"] {
    throw new FakeOfficeError("PropertyNotLoaded", "ChartLegend.position is not loaded.");
  }
  set position(v: Excel.ChartLegend["position"]) {
    this.chart.change(16, (r) => void (r.legendPosition = String(v)));
  }
}

export class FakeChartSeriesCollection extends FakeObject implements Shape<Excel.ChartSeriesCollection, "getItemAt"> {
  constructor(
    ctx: FakeRequestContext,
    private chart: FakeChart,
  ) {
    super(ctx);
    this.synced = true;
  }
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.context, () => {
      const rec = this.chart.rec().series[index];
      if (!rec) throw new FakeOfficeError("InvalidArgument", `no series at ${index}`);
      return rec;
    });
  }
}

export class FakeChartSeries extends FakeObject implements Shape<Excel.ChartSeries, "chartType" | "format"> {
  readonly format: FakeChartSeriesFormat;
  constructor(ctx: FakeRequestContext, resolve: () => FakeChartSeriesRecord) {
    super(ctx);
    this.bindWhenRun(resolve);
    this.format = new FakeChartSeriesFormat(ctx, this);
  }
  /** @internal queue a change of the series record, needing ExcelApi `version`. */
  change(version: string, what: string, bytes: number, f: (r: FakeChartSeriesRecord) => void): void {
    const doc = this.context.doc;
    this.context.enqueue({
      bytes,
      run: () => {
        requireApi(doc, version, what);
        f(this.target<FakeChartSeriesRecord>());
      },
    });
  }
  get chartType(): Excel.ChartSeries["chartType"] {
    throw new FakeOfficeError("PropertyNotLoaded", "ChartSeries.chartType is not loaded.");
  }
  set chartType(v: Excel.ChartSeries["chartType"]) {
    this.change("1.7", "ChartSeries.chartType", 16, (r) => void (r.chartType = String(v)));
  }
}

export class FakeChartSeriesFormat extends FakeObject implements Shape<Excel.ChartSeriesFormat, "fill" | "line"> {
  readonly fill: FakeChartFill;
  readonly line: FakeChartLineFormat;
  constructor(ctx: FakeRequestContext, series: FakeChartSeries) {
    super(ctx);
    this.synced = true;
    this.fill = new FakeChartFill(ctx, series);
    this.line = new FakeChartLineFormat(ctx, series);
  }
}

function checkColour(v: string): void {
  if (!/^#[0-9A-Fa-f]{6}$/.test(v)) throw new FakeOfficeError("InvalidArgument", `bad colour ${v}`);
}

export class FakeChartFill extends FakeObject implements Shape<Excel.ChartFill, "setSolidColor" | "clear"> {
  constructor(
    ctx: FakeRequestContext,
    private series: FakeChartSeries,
  ) {
    super(ctx);
    this.synced = true;
  }
  setSolidColor(color: string): void {
    checkColour(color);
    this.series.change("1.1", "ChartFill.setSolidColor", jsonBytes(color), (r) => void (r.fill = color.toUpperCase()));
  }
  clear(): void {
    this.series.change("1.1", "ChartFill.clear", 16, (r) => void delete r.fill);
  }
}

export class FakeChartLineFormat extends FakeObject implements Shape<Excel.ChartLineFormat, "color" | "lineStyle"> {
  constructor(
    ctx: FakeRequestContext,
    private series: FakeChartSeries,
  ) {
    super(ctx);
    this.synced = true;
  }
  get color(): string {
    throw new FakeOfficeError("PropertyNotLoaded", "ChartLineFormat.color is not loaded.");
  }
  set color(v: string) {
    checkColour(v);
    this.series.change("1.1", "ChartLineFormat.color", jsonBytes(v), (r) => void (r.lineColor = v.toUpperCase()));
  }
  get lineStyle(): Excel.ChartLineFormat["lineStyle"] {
    throw new FakeOfficeError("PropertyNotLoaded", "ChartLineFormat.lineStyle is not loaded.");
  }
  set lineStyle(v: Excel.ChartLineFormat["lineStyle"]) {
    this.series.change("1.7", "ChartLineFormat.lineStyle", 16, (r) => void (r.lineStyle = String(v)));
  }
}

// --- Validation, notes, comments ---------------------------------------------------------------

export class FakeDataValidation extends FakeObject implements Shape<Excel.DataValidation, "rule" | "clear"> {
  constructor(
    ctx: FakeRequestContext,
    private range: FakeRange,
  ) {
    super(ctx);
    this.synced = true;
  }
  get rule(): Excel.DataValidationRule {
    throw new FakeOfficeError("PropertyNotLoaded", "DataValidation.rule is not loaded.");
  }
  set rule(v: Excel.DataValidationRule) {
    const doc = this.context.doc;
    this.context.enqueue({
      bytes: jsonBytes(v),
      run: () => {
        requireApi(doc, "1.8", "DataValidation.rule");
        const { sheet, area } = this.range.area();
        assertWritable(doc, sheet, "dataValidation");
        const source = v.list?.source;
        if (typeof source !== "string") throw new FakeOfficeError("InvalidArgument", "only list validations are modelled");
        sheet.validations = sheet.validations.filter((x) => !overlaps(x.area, area));
        sheet.validations.push({ area, source });
      },
    });
  }
  clear(): void {
    const doc = this.context.doc;
    this.context.enqueue({
      bytes: 16,
      run: () => {
        requireApi(doc, "1.8", "DataValidation.clear");
        const { sheet, area } = this.range.area();
        sheet.validations = sheet.validations.filter((x) => !overlaps(x.area, area));
      },
    });
  }
}

function cellOf(ws: FakeWorksheet | null, doc: FakeWorkbook, cellAddress: FakeRange | string): { sheet: FakeSheet; address: string } {
  if (typeof cellAddress !== "string") {
    const { sheet, area } = cellAddress.area();
    return { sheet, address: areaName(area) };
  }
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(cellAddress);
  const sheet = m ? doc.sheet((m[1] ?? m[2]).replace(/''/g, "'")) : ws?.sheet();
  if (!sheet) throw new FakeOfficeError("InvalidArgument", `no sheet in ${cellAddress}`);
  return { sheet, address: areaName(parseFakeArea(m ? m[3] : cellAddress)) };
}

/** Notes (ExcelApi 1.18) and comments (1.10): a text per cell; adding where one exists fails. */
abstract class FakeCellTexts extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private ws: FakeWorksheet | null,
    private api: string,
    private kind: "notes" | "comments",
  ) {
    super(ctx);
    this.synced = true;
  }
  add(cellAddress: FakeRange | string, content: any): unknown {
    const doc = this.context.doc;
    this.context.enqueue({
      bytes: jsonBytes(content) + 32,
      run: () => {
        requireApi(doc, this.api, `${this.kind}.add`);
        const { sheet, address } = cellOf(this.ws, doc, cellAddress);
        assertWritable(doc, sheet, this.kind);
        const store = sheet[this.kind];
        if (store.has(address)) throw new FakeOfficeError("InvalidOperation", `cell ${address} already has one of ${this.kind}`);
        store.set(address, String(content));
      },
    });
    return {};
  }
}

export class FakeNoteCollection extends FakeCellTexts implements Shape<Excel.NoteCollection, "add"> {
  constructor(ctx: FakeRequestContext, ws: FakeWorksheet) {
    super(ctx, ws, "1.18", "notes");
  }
}

export class FakeCommentCollection extends FakeCellTexts implements Shape<Excel.CommentCollection, "add"> {
  constructor(ctx: FakeRequestContext, ws: FakeWorksheet | null) {
    super(ctx, ws, "1.10", "comments");
  }
}

// ------------------------------------------------------------------------------------------------
// Globals: Excel and Office
// ------------------------------------------------------------------------------------------------

// --- Defined names (ExcelApi 1.1 / 1.4 / 1.7) -------------------------------------------------

/** "=学校数据!$L$2:$W$60" as Excel reports NamedItem.formula; "=#REF!" once the sheet is gone. */
function nameFormula(doc: FakeWorkbook, n: FakeNameRecord): string {
  if (n.constant !== undefined) return n.constant;
  if (!n.sheet || !n.area || !doc.sheets.includes(n.sheet)) return "=#REF!";
  const abs = (row: number, col: number) => `$${fakeColumnName(col)}$${row + 1}`;
  const a = n.area;
  const first = abs(a.row, a.col);
  const last = abs(a.row + a.rows - 1, a.col + a.cols - 1);
  return `=${sheetRef(n.sheet.name)}!${first === last ? first : `${first}:${last}`}`;
}

/** Excel's rules for a defined name: letters, digits, _ . \ ; not a cell reference; ≤ 255. */
function checkName(name: string): void {
  if (!/^[A-Za-z_\\\u4e00-\u9fff][A-Za-z0-9_.\\\u4e00-\u9fff]*$/.test(name) || name.length > 255 || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name))
    throw new FakeOfficeError("InvalidArgument", `The name ${name} is not valid.`);
}

export class FakeNamedItemCollection
  extends FakeCollection<FakeNamedItem>
  implements Shape<Excel.NamedItemCollection, "items" | "add" | "getItem" | "getItemOrNullObject" | "load">
{
  protected readonly label = "NamedItemCollection";
  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.bound = { ok: true, value: ctx.doc };
    this.synced = true;
  }
  load(props?: unknown): this {
    const doc = this.context.doc;
    return this.loadItems(props, (names) => {
      let bytes = 0;
      const items = doc.names.map((n) => {
        const item = new FakeNamedItem(this.context, () => n, true);
        item.fill(names.length ? names : ["name"]);
        bytes += jsonBytes(n.name) + jsonBytes(nameFormula(doc, n)) + 16;
        return item;
      });
      return { items, bytes };
    });
  }
  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    const doc = this.context.doc;
    return new FakeNamedItem(this.context, () => {
      requireApi(doc, "1.4", "NamedItemCollection.add");
      assertWritable(doc, null, "add name");
      checkName(name);
      if (doc.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new FakeOfficeError("ItemAlreadyExists", `A name ${name} already exists.`);
      let rec: FakeNameRecord;
      if (typeof reference === "string") {
        const m = /^=(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(reference);
        if (m) {
          const sheet = doc.sheet((m[1] ?? m[2]).replace(/''/g, "'"));
          if (!sheet) throw new FakeOfficeError("InvalidArgument", `bad reference ${reference}`);
          rec = { name, sheet, area: parseFakeArea(m[3]), visible: true, comment: comment ?? "" };
        } else if (reference.startsWith("=")) rec = { name, sheet: null, area: null, constant: reference, visible: true, comment: comment ?? "" };
        else throw new FakeOfficeError("InvalidArgument", `bad reference ${reference}`);
      } else {
        const { sheet, area } = reference.area();
        rec = { name, sheet, area, visible: true, comment: comment ?? "" };
      }
      doc.names.push(rec);
      return rec;
    });
  }
  getItem(name: string): FakeNamedItem {
    const doc = this.context.doc;
    return new FakeNamedItem(this.context, () => {
      const n = doc.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!n) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: name ${name}`);
      return n;
    });
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    const doc = this.context.doc;
    return new FakeNamedItem(this.context, () => {
      requireApi(doc, "1.4", "NamedItemCollection.getItemOrNullObject");
      return doc.names.find((x) => x.name.toLowerCase() === name.toLowerCase()) ?? null;
    });
  }
}

export class FakeNamedItem extends FakeObject implements Shape<Excel.NamedItem, "name" | "formula" | "visible" | "delete" | "load"> {
  private loaded = new Loaded();
  constructor(ctx: FakeRequestContext, resolve: () => FakeNameRecord | null, now = false) {
    super(ctx);
    if (now) {
      this.bound = { ok: true, value: resolve() };
      this.synced = true;
    } else this.bindWhenRun(resolve);
  }
  /** @internal */
  fill(names: string[]): void {
    const n = this.target<FakeNameRecord>();
    const doc = this.context.doc;
    for (const p of names) {
      if (p === "name") this.loaded.set(p, n.name);
      else if (p === "formula") {
        requireApi(doc, "1.7", "NamedItem.formula");
        this.loaded.set(p, nameFormula(doc, n));
      } else if (p === "visible") this.loaded.set(p, n.visible);
      else if (p === "comment") this.loaded.set(p, n.comment);
      else throw new FakeOfficeError("InvalidArgument", `NamedItem.${p} is not modelled by the fake`);
    }
  }
  get name(): string {
    return this.loaded.get("NamedItem", "name");
  }
  get formula(): any {
    return this.loaded.get("NamedItem", "formula");
  }
  get visible(): boolean {
    return this.loaded.get("NamedItem", "visible");
  }
  set visible(v: boolean) {
    this.context.enqueue({ bytes: 16, run: () => void (this.target<FakeNameRecord>().visible = v) });
  }
  load(props?: unknown): this {
    const names = loadNames(props);
    this.context.enqueue({ bytes: 32, run: () => this.fill(names), response: () => 64 });
    return this;
  }
  delete(): void {
    const doc = this.context.doc;
    this.context.enqueue({
      bytes: 16,
      run: () => {
        requireApi(doc, "1.4", "NamedItem.delete");
        assertWritable(doc, null, "delete name");
        const n = this.target<FakeNameRecord>();
        doc.names = doc.names.filter((x) => x !== n);
      },
    });
  }
}

// --- Conditional formats (ExcelApi 1.6) --------------------------------------------------------

/** The sheet's conditional formats that overlap an area, in priority order (what a range's collection holds). */
function formatsOver(sheet: FakeSheet, area: FakeArea): FakeConditionalFormatRecord[] {
  return sheet.conditionalFormats.filter((cf) => overlaps(cf.area, area));
}

export class FakeConditionalFormatCollection
  extends FakeCollection<FakeConditionalFormat>
  implements Shape<Excel.ConditionalFormatCollection, "items" | "add" | "getItem" | "load">
{
  protected readonly label = "ConditionalFormatCollection";
  constructor(
    ctx: FakeRequestContext,
    private range: FakeRange,
  ) {
    super(ctx);
    this.synced = true;
    this.bound = { ok: true, value: range };
  }
  /** A collection of a null range is a null object too. */
  override get isNullObject(): boolean {
    return this.range.isNullObject;
  }
  load(props?: unknown): this {
    const doc = this.context.doc;
    return this.loadItems(props, (names) => {
      requireApi(doc, "1.6", "ConditionalFormatCollection");
      if (this.range.bound.ok && this.range.bound.value === null) return { items: [], bytes: 0 };
      const { sheet, area } = this.range.area();
      let bytes = 0;
      const items = formatsOver(sheet, area).map((rec, i) => {
        const cf = new FakeConditionalFormat(this.context, () => rec, true);
        cf.fill(names, String(i));
        bytes += jsonBytes(rec.formula) + 32;
        return cf;
      });
      return { items, bytes };
    });
  }
  add(type: string): FakeConditionalFormat {
    const doc = this.context.doc;
    return new FakeConditionalFormat(this.context, () => {
      requireApi(doc, "1.6", "ConditionalFormatCollection.add");
      if (type !== "Custom") throw new FakeOfficeError("InvalidArgument", `conditional format type ${type} is not modelled by the fake`);
      const { sheet, area } = this.range.area();
      assertWritable(doc, sheet, "conditionalFormats.add");
      const rec: FakeConditionalFormatRecord = { type: "Custom", area: { ...area }, formula: "" };
      sheet.conditionalFormats.unshift(rec); // "adds … at the first/top priority"
      return rec;
    });
  }
  /** By id, which in Excel is the format's priority in this collection (ids shift when one is deleted). */
  getItem(id: string): FakeConditionalFormat {
    const doc = this.context.doc;
    return new FakeConditionalFormat(this.context, () => {
      requireApi(doc, "1.6", "ConditionalFormatCollection.getItem");
      const { sheet, area } = this.range.area();
      const rec = formatsOver(sheet, area)[Number(id)];
      if (!/^\d+$/.test(id) || !rec) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: conditional format ${id}`);
      return rec;
    });
  }
}

export class FakeConditionalFormat
  extends FakeObject
  implements Shape<Excel.ConditionalFormat, "id" | "type" | "custom" | "customOrNullObject" | "delete">
{
  private loaded = new Loaded();
  private customPart: FakeCustomConditionalFormat | null = null;
  constructor(ctx: FakeRequestContext, resolve: () => FakeConditionalFormatRecord, now = false) {
    super(ctx);
    if (now) {
      this.bound = { ok: true, value: resolve() };
      this.synced = true;
    } else this.bindWhenRun(resolve);
  }
  /** @internal */
  fill(names: string[], id: string): void {
    const rec = this.target<FakeConditionalFormatRecord>();
    for (const n of names) {
      if (n === "id") this.loaded.set(n, id);
      else if (n === "type") this.loaded.set(n, rec.type);
      else if (n === "customOrNullObject/rule/formula" || n === "custom/rule/formula") this.custom.rule.fillFormula(rec.formula);
      else throw new FakeOfficeError("InvalidArgument", `ConditionalFormat.${n} is not modelled by the fake`);
    }
  }
  get id(): string {
    return this.loaded.get("ConditionalFormat", "id");
  }
  get type(): any {
    return this.loaded.get("ConditionalFormat", "type");
  }
  get custom(): FakeCustomConditionalFormat {
    return (this.customPart ??= new FakeCustomConditionalFormat(this.context, this));
  }
  get customOrNullObject(): FakeCustomConditionalFormat {
    return this.custom; // only Custom formats are modelled: never null here
  }
  /** @internal */
  record(): FakeConditionalFormatRecord {
    return this.target<FakeConditionalFormatRecord>();
  }
  delete(): void {
    const doc = this.context.doc;
    this.context.enqueue({
      bytes: 16,
      run: () => {
        const rec = this.record();
        const sheet = doc.sheets.find((s) => s.conditionalFormats.includes(rec));
        if (!sheet) throw new FakeOfficeError("ItemNotFound", "conditional format already deleted");
        assertWritable(doc, sheet, "conditionalFormat.delete");
        sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== rec);
      },
    });
  }
}

export class FakeCustomConditionalFormat extends FakeObject implements Shape<Excel.CustomConditionalFormat, "rule" | "format"> {
  readonly rule: FakeConditionalFormatRule;
  readonly format: { fill: { color: string }; font: { color: string }; numberFormat: string };
  constructor(ctx: FakeRequestContext, cf: FakeConditionalFormat) {
    super(ctx);
    this.synced = true;
    this.bound = { ok: true, value: cf };
    this.rule = new FakeConditionalFormatRule(ctx, cf);
    const colour = (key: "fill" | "fontColor") => ({
      get color(): string {
        throw new FakeOfficeError("PropertyNotLoaded", `ConditionalRangeFormat ${key} is not loaded.`);
      },
      set color(v: string) {
        if (!/^#[0-9A-Fa-f]{6}$/.test(v)) throw new FakeOfficeError("InvalidArgument", `bad colour ${v}`);
        ctx.enqueue({ bytes: jsonBytes(v), run: () => void (cf.record()[key] = v.toUpperCase()) });
      },
    });
    this.format = {
      fill: colour("fill"),
      font: colour("fontColor"),
      // ConditionalRangeFormat.numberFormat (ExcelApi 1.6): one format code for the rule's cells.
      get numberFormat(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "ConditionalRangeFormat numberFormat is not loaded.");
      },
      set numberFormat(v: string) {
        if (typeof v !== "string") throw new FakeOfficeError("InvalidArgument", `bad number format ${String(v)}`);
        ctx.enqueue({ bytes: jsonBytes(v), run: () => void (cf.record().numberFormat = v) });
      },
    };
  }
}

export class FakeConditionalFormatRule extends FakeObject implements Shape<Excel.ConditionalFormatRule, "formula"> {
  private loaded = new Loaded();
  constructor(
    ctx: FakeRequestContext,
    private cf: FakeConditionalFormat,
  ) {
    super(ctx);
    this.synced = true;
    this.bound = { ok: true, value: cf };
  }
  /** @internal */
  fillFormula(f: string): void {
    this.loaded.set("formula", f);
  }
  get formula(): string {
    return this.loaded.get("ConditionalFormatRule", "formula");
  }
  set formula(v: string) {
    // Excel wants a formula ("=…"); a plain text is refused.
    if (typeof v !== "string" || !v.startsWith("=")) throw new FakeOfficeError("InvalidArgument", `conditional format formula must start with "=": ${v}`);
    this.context.enqueue({ bytes: jsonBytes(v), run: () => void (this.cf.record().formula = v) });
  }
}

type Batch<T> = (context: FakeRequestContext) => Promise<T>;

/** The `Excel` namespace subset the add-in uses. */
export function createFakeExcel(doc: FakeWorkbook) {
  async function run<T>(a: Batch<T> | { delayForCellEdit?: boolean }, b?: Batch<T>): Promise<T> {
    const batch = (typeof a === "function" ? a : b) as Batch<T>;
    const opts = typeof a === "function" ? {} : a;
    const ctx = new FakeRequestContext(doc, opts);
    const result = await batch(ctx);
    if (ctx.queue.length) await ctx.sync(); // Excel.run flushes what is left, like the real one
    return result;
  }
  return {
    run,
    RequestContext: class extends FakeRequestContext {
      constructor() {
        super(doc);
      }
    },
    ErrorCodes: {
      accessDenied: "AccessDenied",
      apiNotFound: "ApiNotFound",
      generalException: "GeneralException",
      invalidArgument: "InvalidArgument",
      invalidOperation: "InvalidOperation",
      invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
      itemNotFound: "ItemNotFound",
      responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
    },
    ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
    BorderIndex: { edgeTop: "EdgeTop", edgeBottom: "EdgeBottom", edgeLeft: "EdgeLeft", edgeRight: "EdgeRight", insideVertical: "InsideVertical", insideHorizontal: "InsideHorizontal" },
  };
}

/** `Excel.run` typed as the real one, for `new OfficeHost(fakeRun(doc))`. */
export function fakeRun(doc: FakeWorkbook): typeof Excel.run {
  return createFakeExcel(doc).run as unknown as typeof Excel.run;
}

/** Office.context.document.settings over the fake document. */
export class FakeSettings {
  private live: Record<string, unknown>;
  constructor(private doc: FakeWorkbook) {
    this.live = JSON.parse(JSON.stringify(doc.savedSettings));
  }
  get(name: string): unknown {
    return name in this.live ? this.live[name] : null;
  }
  set(name: string, value: unknown): void {
    this.live[name] = JSON.parse(JSON.stringify(value));
  }
  remove(name: string): void {
    delete this.live[name];
  }
  /** Office.Settings.refreshAsync: reads what is saved in the document now (e.g. by another page). */
  refreshAsync(cb?: (r: { status: string; value: FakeSettings }) => void): void {
    setTimeout(() => {
      this.live = JSON.parse(JSON.stringify(this.doc.savedSettings));
      cb?.({ status: "succeeded", value: this });
    }, 0);
  }
  saveAsync(a?: unknown, b?: unknown): void {
    const cb = (typeof a === "function" ? a : b) as ((r: { status: string; error?: unknown }) => void) | undefined;
    const readOnly = this.doc.readOnly;
    if (!readOnly) this.doc.savedSettings = JSON.parse(JSON.stringify(this.live));
    setTimeout(() => cb?.(readOnly ? { status: "failed", error: { code: 5009, message: "read-only" } } : { status: "succeeded" }), 0);
  }
}

/** A dialog opened with Office.context.ui.displayDialogAsync. */
export interface FakeDialog {
  url: string;
  /** True once displayDialogAsync's callback has handed the Dialog to the caller (asynchronously, as in Office). */
  opened: boolean;
  closed: boolean;
  /**
   * What the dialog page would do with Office.context.ui.messageParent(message). Throws before the
   * caller received the Dialog: a message sent then would reach no handler and be lost.
   */
  messageParent(message: string): void;
}

export interface InstalledFakeOffice {
  Office: ReturnType<typeof createFakeOffice>;
  Excel: ReturnType<typeof createFakeExcel>;
  /** Functions registered with Office.actions.associate. */
  actions: Map<string, (event: unknown) => unknown>;
  dialogs: FakeDialog[];
}

function createFakeOffice(doc: FakeWorkbook, actions: Map<string, (event: unknown) => unknown>, dialogs: FakeDialog[]) {
  const info = { host: "Excel", platform: "OfficeOnline" };
  const EventType = { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" };
  const ui = {
    displayDialogAsync(url: string, _opts: unknown, cb?: (r: { status: string; value: unknown }) => void): void {
      const handlers = new Map<string, ((arg: unknown) => void)[]>();
      const dialog: FakeDialog = {
        url,
        opened: false,
        closed: false,
        messageParent(message: string) {
          if (!dialog.opened) throw new Error("FakeDialog: messageParent before the dialog was handed to the caller; wait for `opened`");
          for (const h of handlers.get(EventType.DialogMessageReceived) ?? []) h({ message });
        },
      };
      dialogs.push(dialog);
      const value = {
        addEventHandler(type: string, h: (arg: unknown) => void) {
          handlers.set(type, [...(handlers.get(type) ?? []), h]);
        },
        close() {
          dialog.closed = true;
        },
      };
      setTimeout(() => {
        dialog.opened = true;
        cb?.({ status: "succeeded", value });
      }, 0);
    },
    messageParent(): void {
      throw new FakeOfficeError("InvalidOperation", "messageParent is only available inside a dialog");
    },
  };
  return {
    EventType,
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady(cb?: (i: typeof info) => void): Promise<typeof info> {
      if (cb) setTimeout(() => cb(info), 0);
      return Promise.resolve(info);
    },
    context: {
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          return name === "ExcelApi" && doc.supports(String(minVersion ?? "1.1"));
        },
      },
      document: { settings: new FakeSettings(doc) },
      displayLanguage: "zh-CN",
      ui,
    },
    actions: {
      associate(name: string, fn: (event: unknown) => unknown): void {
        actions.set(name, fn);
      },
    },
  };
}

/** Defines the globals `Office` and `Excel` on `win` (window in the browser, globalThis in jest). */
export function installFakeOffice(win: object, doc: FakeWorkbook): InstalledFakeOffice {
  const actions = new Map<string, (event: unknown) => unknown>();
  const dialogs: FakeDialog[] = [];
  const Office = createFakeOffice(doc, actions, dialogs);
  const ExcelNs = createFakeExcel(doc);
  Object.assign(win as Record<string, unknown>, { Office, Excel: ExcelNs });
  return { Office, Excel: ExcelNs, actions, dialogs };
}

/** Removes the globals again. */
export function uninstallFakeOffice(win: object): void {
  delete (win as Record<string, unknown>).Office;
  delete (win as Record<string, unknown>).Excel;
}
