/**
 * Native Excel charts in a saved .xlsx (XlsxHost.save draws the ChartSpecs of the plans it applied).
 *
 * exceljs 4.4 reads and writes no charts, so after a workbook is saved this post-processor opens
 * the zip (fflate: pure JS, works in Node and in the browser) and adds, per chart, the DrawingML
 * parts Excel writes itself:
 *   xl/charts/chartN.xml            the chart (c:chartSpace), data by reference + cached values
 *   xl/drawings/drawingN.xml        the sheet's drawing with one twoCellAnchor per chart
 *   xl/drawings/_rels/drawingN.xml.rels, xl/worksheets/_rels/sheetK.xml.rels
 *   <drawing r:id> in the sheet, Override entries in [Content_Types].xml.
 * A sheet that already has a drawing (pictures) gets the chart anchors appended to it.
 * Only those small parts are decompressed and written (zip.ts): the sheets, tens of MB of XML in a
 * large county's workbook, are copied into the new file as they were compressed.
 */
import type { ChartSeriesSpec, ChartSpec } from "../../workbook/plan";
import { CT, EMPTY_RELS, REL, XlsxPackage, addRel, parseRels, relativeTarget, relsPath, resolveTarget } from "./package";
import { childInsertAt, rootPrefix, setAttr, xmlEscape } from "./xml";

/** A chart of a write plan and the sheet it goes on. */
export interface SheetChart {
  sheet: string;
  chart: ChartSpec;
}

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** Sheet name quoted for a formula reference: '差异系数'!$A$1. */
function sheetRef(sheet: string, ref: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${ref}`;
}

function strCache(values: string[]): string {
  return (
    `<c:strCache><c:ptCount val="${values.length}"/>` +
    values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlEscape(v)}</c:v></c:pt>`).join("") +
    `</c:strCache>`
  );
}

function numCache(values: (number | null)[], format: string): string {
  return (
    `<c:numCache><c:formatCode>${xmlEscape(format)}</c:formatCode><c:ptCount val="${values.length}"/>` +
    values
      .map((v, i) => (v === null || !Number.isFinite(v) ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
      .join("") +
    `</c:numCache>`
  );
}

function richText(text: string, size: number, bold: boolean): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function seriesXml(p: SheetChart, s: ChartSeriesSpec, index: number): string {
  const color = s.color.replace("#", "").toUpperCase();
  const tx = `<c:tx><c:strRef><c:f>${xmlEscape(sheetRef(p.sheet, s.nameRef))}</c:f>${strCache([s.name])}</c:strRef></c:tx>`;
  const cat = `<c:cat><c:strRef><c:f>${xmlEscape(sheetRef(p.sheet, p.chart.categoriesRef))}</c:f>${strCache(p.chart.categories)}</c:strRef></c:cat>`;
  const val = `<c:val><c:numRef><c:f>${xmlEscape(sheetRef(p.sheet, s.valuesRef))}</c:f>${numCache(s.values, p.chart.numberFormat)}</c:numRef></c:val>`;
  const head = `<c:idx val="${index}"/><c:order val="${index}"/>${tx}`;
  if (s.kind === "bar") {
    return `<c:ser>${head}<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>${cat}${val}</c:ser>`;
  }
  const dash = s.dashed ? `<a:prstDash val="dash"/>` : "";
  return (
    `<c:ser>${head}<c:spPr><a:ln w="22225" cap="rnd"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill>${dash}</a:ln></c:spPr>` +
    `<c:marker><c:symbol val="none"/></c:marker>${cat}${val}<c:smooth val="0"/></c:ser>`
  );
}

/** The c:chartSpace document of one chart. */
export function chartXml(p: SheetChart): string {
  const c = p.chart;
  const stacked = c.type === "stacked";
  const bars = c.series.map((s, i) => ({ s, i })).filter((x) => x.s.kind === "bar");
  const lines = c.series.map((s, i) => ({ s, i })).filter((x) => x.s.kind === "line");
  const axes = `<c:axId val="500100"/><c:axId val="500200"/>`;
  const barXml = bars.length
    ? `<c:barChart><c:barDir val="col"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>` +
      bars.map((b) => seriesXml(p, b.s, b.i)).join("") +
      `<c:gapWidth val="${stacked ? 60 : 150}"/>${stacked ? `<c:overlap val="100"/>` : ""}${axes}</c:barChart>`
    : "";
  const lineXml = lines.length
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
      lines.map((l) => seriesXml(p, l.s, l.i)).join("") +
      `<c:marker val="1"/>${axes}</c:lineChart>`
    : "";
  const valFormat = c.numberFormat === "0" ? "0" : "0.00";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:roundedCorners val="0"/><c:chart><c:title>${richText(c.title, 1400, true)}<c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${barXml}${lineXml}` +
    `<c:catAx><c:axId val="500100"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="500200"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500200"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="${valFormat}" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500100"/>` +
    `<c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart></c:chartSpace>`
  );
}

function anchorXml(p: SheetChart, shapeId: number, relId: string): string {
  const { col, row, cols, rows } = p.chart.anchor;
  const pos = (tag: string, c: number, r: number) =>
    `<xdr:${tag}><xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${pos("from", col, row)}${pos("to", col + cols, row + rows)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${xmlEscape(p.chart.name)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${relId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function insertDrawing(sheetXml: string, relId: string): string {
  const p = rootPrefix(sheetXml, "worksheet");
  let xml = sheetXml;
  const root = new RegExp(`<${p}worksheet\\b[^>]*>`).exec(xml);
  if (root && !/xmlns:r=/.test(root[0])) xml = xml.replace(root[0], setAttr(root[0], "xmlns:r", NS_R));
  const at = childInsertAt(xml, "drawing", p);
  return `${xml.slice(0, at)}<${p}drawing r:id="${relId}"/>${xml.slice(at)}`;
}

/**
 * Adds native charts to the sheets of an open package (charts on a sheet the workbook lacks are
 * ignored). A sheet that already has a drawing gets the chart anchors appended to it.
 */
export function addCharts(pkg: XlsxPackage, placements: SheetChart[]): void {
  if (!placements.length) return;
  const parts = new Map(pkg.sheets().map((s) => [s.name, s.part]));
  const bySheet = new Map<string, SheetChart[]>();
  for (const p of placements) {
    if (!parts.has(p.sheet)) continue;
    bySheet.set(p.sheet, [...(bySheet.get(p.sheet) ?? []), p]);
  }
  for (const [sheet, list] of bySheet) {
    const sheetPart = parts.get(sheet)!;
    const sheetRelsPart = relsPath(sheetPart);
    let sheetRels = pkg.text(sheetRelsPart) ?? EMPTY_RELS;
    // An existing drawing (pictures) is reused; otherwise a new one is made.
    const existing = parseRels(sheetRels).find((r) => r.type === REL.drawing);
    let drawingPart: string;
    let drawing: string;
    if (existing) {
      drawingPart = resolveTarget(sheetPart, existing.target);
      drawing = pkg.text(drawingPart) ?? "";
    } else {
      drawingPart = pkg.freeName("xl/drawings/drawing", ".xml");
      drawing = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}"></xdr:wsDr>`;
      const added = addRel(sheetRels, REL.drawing, relativeTarget(sheetPart, drawingPart));
      sheetRels = added.xml;
      pkg.set(sheetPart, insertDrawing(pkg.text(sheetPart) ?? "", added.id));
      pkg.set(sheetRelsPart, sheetRels);
    }
    const drawingRelsPart = relsPath(drawingPart);
    let drawingRels = pkg.text(drawingRelsPart) ?? EMPTY_RELS;
    let shapeId = 1 + [...drawing.matchAll(/<xdr:cNvPr\b/g)].length + 1;
    let anchors = "";
    for (const p of list) {
      const chartPart = pkg.freeName("xl/charts/chart", ".xml");
      pkg.set(chartPart, chartXml(p));
      pkg.override(chartPart, CT.chart);
      const added = addRel(drawingRels, REL.chart, relativeTarget(drawingPart, chartPart));
      drawingRels = added.xml;
      anchors += anchorXml(p, shapeId++, added.id);
    }
    pkg.set(drawingPart, drawing.replace(/<\/xdr:wsDr>\s*$/, `${anchors}</xdr:wsDr>`));
    pkg.set(drawingRelsPart, drawingRels);
    pkg.override(drawingPart, CT.drawing);
  }
}

/** Adds native charts to saved .xlsx bytes; returns the new file (the input is not modified). */
export function addChartsToXlsx(xlsx: Uint8Array, placements: SheetChart[], level: 1 | 6 = 6): Uint8Array {
  if (!placements.length) return xlsx;
  const pkg = XlsxPackage.open(xlsx);
  addCharts(pkg, placements);
  return pkg.save(level);
}
