/**
 * XlsxHost over hand-built packages: the layouts other programs write (openpyxl's comment and
 * drawing parts), what the reader must survive (whole-sheet validations, formulas without a
 * cached result, files that are not editable workbooks), and the product's markers and
 * conditional fills. The packages are written here from ECMA-376 part by part (fflate), so
 * every expectation is the literal input.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { NotXlsxError, XlsxHost } from "../../src/hosts/xlsx";
import { readWorkbook } from "../../src/workbook/read";
import { OWNED_RULE_TAG } from "../../src/workbook/port";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

/** A workbook with the given sheets (name → sheet XML body inside <worksheet>), plus extra parts. */
function pkg(sheets: Record<string, string>, extra: Record<string, string> = {}, definedNames = ""): Uint8Array {
  const names = Object.keys(sheets);
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
        `</Types>`,
    ),
    "_rels/.rels": strToU8(`${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": strToU8(
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>${definedNames}</workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `${HEAD}<Relationships xmlns="${PKG}">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}</Relationships>`,
    ),
  };
  names.forEach((n, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}">${sheets[n]}</worksheet>`)));
  for (const [k, v] of Object.entries(extra)) files[k] = strToU8(v);
  return zipSync(files);
}

const text = (bytes: Uint8Array, part: string) => strFromU8(unzipSync(bytes)[part]);

describe("reading what other programs write", () => {
  test("openpyxl's layout: comments in xl/comments/comment1.xml, a drawing without the xdr: prefix", async () => {
    const sheet =
      `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>学校名称</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>东风小学</t></is></c></row></sheetData>` +
      `<drawing r:id="rId1"/><legacyDrawing r:id="anysvml"/>`;
    const bytes = pkg(
      { 学校数据: sheet },
      {
        "xl/worksheets/_rels/sheet1.xml.rels": `${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/drawing" Target="/xl/drawings/drawing1.xml"/><Relationship Id="comments" Type="${R}/comments" Target="/xl/comments/comment1.xml"/><Relationship Id="anysvml" Type="${R}/vmlDrawing" Target="/xl/drawings/commentsDrawing1.vml"/></Relationships>`,
        "xl/comments/comment1.xml": `${HEAD}<comments xmlns="${MAIN}"><authors><author>openpyxl</author></authors><commentList><comment ref="A1" authorId="0"><text><t>说明</t></text></comment></commentList></comments>`,
        "xl/drawings/commentsDrawing1.vml": `<xml xmlns:v="urn:schemas-microsoft-com:vml"></xml>`,
        "xl/drawings/drawing1.xml": `${HEAD}<wsDr xmlns="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"></wsDr>`,
      },
    );
    const host = await XlsxHost.load(bytes);
    const snap = await host.read(["学校数据"]);
    expect(snap.sheets[0].values).toEqual([["学校名称"], ["东风小学"]]);
    await host.apply({ sheets: [{ name: "学校数据", mode: "update", blocks: [{ row: 0, col: 2, values: [["结果"], ["达标"]] }], formats: [] }] });
    const out = unzipSync(await host.save());
    const before = unzipSync(bytes);
    for (const part of ["xl/comments/comment1.xml", "xl/drawings/commentsDrawing1.vml", "xl/drawings/drawing1.xml", "xl/worksheets/_rels/sheet1.xml.rels"]) {
      expect(Buffer.from(out[part]).equals(Buffer.from(before[part]))).toBe(true);
    }
    expect(strFromU8(out["xl/worksheets/sheet1.xml"])).toContain(`<c r="C2" t="inlineStr"><is><t>达标</t></is></c>`);
  });

  test("whole-column and whole-sheet validations are never parsed: the read is the used range", async () => {
    const sheet =
      `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>` +
      `<dataValidations count="2"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"是,否"</formula1></dataValidation><dataValidation type="whole" sqref="B:B"><formula1>0</formula1></dataValidation></dataValidations>`;
    const host = await XlsxHost.load(pkg({ 学校数据: sheet }));
    const snap = await host.read(["学校数据"]);
    expect(snap.sheets[0].values).toEqual([[1]]);
  });

  test("a formula with a cached result reads as the result; one without gives the warning with its cell", async () => {
    const sheet =
      `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>学校名称</t></is></c><c r="B1" t="inlineStr"><is><t>小学在校生数</t></is></c></row>` +
      `<row r="2"><c r="A2" t="str"><f>"东风"&amp;"小学"</f><v>东风小学</v></c><c r="B2"><f>100+23</f><v>123</v></c></row>` +
      `<row r="3"><c r="A3" t="inlineStr"><is><t>西山小学</t></is></c><c r="B3"><f>SUM(C3:D3)</f></c></row></sheetData>`;
    const host = await XlsxHost.load(pkg({ 学校数据: sheet }));
    const snap = await host.read(["学校数据"]);
    expect(snap.sheets[0].values[1]).toEqual(["东风小学", 123]);
    expect(snap.sheets[0].values[2]).toEqual(["西山小学", null]);
    expect(snap.sheets[0].uncalculated).toEqual(["B3"]);
    const issues = readWorkbook(snap).issues.filter((i) => i.cell === "B3");
    expect(issues).toContainEqual(expect.objectContaining({ sheet: "学校数据", severity: "warning", message: "公式没有计算结果，请在 Excel 中打开并保存后再评估" }));
  });

  test("shared strings, rich text, phonetic runs and _xHHHH_ escapes read as their text", async () => {
    const sst = `${HEAD}<sst xmlns="${MAIN}"><si><t>甲</t></si><si><r><t>东风</t></r><r><rPr><b/></rPr><t>小学</t></r><rPh sb="0" eb="1"><t>ドン</t></rPh></si><si><t>A_x000D_B</t></si></sst>`;
    const bytes = pkg(
      { S: `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><v>#N/A</v></c></row></sheetData>` },
      { "xl/sharedStrings.xml": sst },
    );
    const files = unzipSync(bytes);
    files["xl/_rels/workbook.xml.rels"] = strToU8(strFromU8(files["xl/_rels/workbook.xml.rels"]).replace("</Relationships>", `<Relationship Id="rIdS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`));
    const host = await XlsxHost.load(zipSync(files));
    expect((await host.read(["S"])).sheets[0].values).toEqual([["甲", "东风小学", "A\rB", true, "#N/A"]]);
  });
});

describe("files that cannot be edited in place are refused in Chinese", () => {
  const refuse = async (bytes: Uint8Array) => {
    const e = await XlsxHost.load(bytes).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(NotXlsxError);
    const message = (e as Error).message;
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(message).not.toMatch(/[A-Za-z]+ [A-Za-z]+ [A-Za-z]+|Error|undefined/); // no English exception text
    return message;
  };
  const cfb = (stream: string) => {
    const b = new Uint8Array(2048);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    Array.from(stream).forEach((c, i) => (b[1024 + 2 * i] = c.charCodeAt(0)));
    return b;
  };
  test("encrypted (a compound file holding EncryptionInfo), with the message the issue asks for", async () => {
    expect(await refuse(cfb("EncryptionInfo"))).toMatch(/^文件已加密，请先取消密码/);
    expect(await refuse(new Uint8Array(readFileSync(path.join(__dirname, "..", "fixtures", "corpus", "ca_pass_protected.xlsx"))))).toMatch(/^文件已加密/);
  });
  test(".xls / .et (a compound file with a Workbook stream)", async () => {
    expect(await refuse(cfb("Workbook"))).toMatch(/旧版工作簿.*另存为/);
  });
  test(".xlsb, .ods, and files that are not spreadsheets", async () => {
    const xlsb = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "_rels/.rels": strToU8(`<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.bin"/></Relationships>`), "xl/workbook.bin": new Uint8Array(8) });
    expect(await refuse(xlsb)).toMatch(/二进制工作簿（\.xlsb）/);
    const ods = zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"), "content.xml": strToU8("<x/>") });
    expect(await refuse(ods)).toMatch(/OpenDocument/);
    expect(await refuse(strToU8("学校名称,人数\n东风小学,12\n"))).toMatch(/不是有效的 Excel 工作簿/);
    expect(await refuse(zipSync({ "word/document.xml": strToU8("<w/>") }))).toMatch(/不是有效的 Excel 工作簿/);
  });
});

describe("markers and conditional fills", () => {
  const sheet = (cf = "") => `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>${cf}`;
  const userRule = `<conditionalFormatting sqref="A1:A9"><cfRule type="cellIs" dxfId="0" priority="3" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>`;
  const userNames = `<definedNames><definedName name="_YZJH_BLOCK" localSheetId="0">Sheet!$A$1</definedName><definedName name="总数">COUNTA(学校数据!$B$4:$B$95)</definedName></definedNames>`;

  test("marks are written hidden and workbook-scoped, read back, and removed; the user's names stay", async () => {
    const host = await XlsxHost.load(pkg({ 学校数据: sheet(), 其他: sheet() }, {}, userNames));
    await host.apply({ sheets: [], marks: { remove: [], set: [{ name: "_YZJH_BLOCK", sheet: "学校数据", area: { row: 1, col: 11, rows: 59, cols: 12 } }] } });
    const wb = text(await host.save(), "xl/workbook.xml");
    expect(wb).toContain(`<definedName name="_YZJH_BLOCK" hidden="1">'学校数据'!$L$2:$W$60</definedName>`);
    expect(wb).toContain(`<definedName name="_YZJH_BLOCK" localSheetId="0">Sheet!$A$1</definedName>`);
    expect(wb).toContain(`<definedName name="总数">COUNTA(学校数据!$B$4:$B$95)</definedName>`);
    expect((await host.read([])).owned!.marks).toEqual([{ name: "_YZJH_BLOCK", sheet: "学校数据", area: { row: 1, col: 11, rows: 59, cols: 12 } }]);
    await host.apply({ sheets: [], marks: { remove: ["_yzjh_block"], set: [] } });
    const after = text(await host.save(), "xl/workbook.xml");
    expect(after).toBe(strFromU8(unzipSync(pkg({ 学校数据: sheet(), 其他: sheet() }, {}, userNames))["xl/workbook.xml"]));
  });

  test("conditional fills are added with a dxf each after the user's rules, read back, and removed alone", async () => {
    const bytes = pkg({ 学校数据: sheet(userRule) });
    const host = await XlsxHost.load(bytes);
    const formula = `AND(${OWNED_RULE_TAG}=0,$X4="未达标")`;
    await host.apply({ sheets: [{ name: "学校数据", mode: "update", blocks: [], formats: [], removeOwnedRules: true, conditionalFills: [{ area: { row: 3, col: 7, rows: 57, cols: 1 }, formula, fill: "#FFC7CE", fontColor: "#9C0006" }] }] });
    const saved = await host.save();
    const xml = text(saved, "xl/worksheets/sheet1.xml");
    expect(xml).toContain(userRule);
    expect(xml).toContain(`<conditionalFormatting sqref="H4:H60"><cfRule type="expression" dxfId="0" priority="4"><formula>AND(N(&quot;优质均衡评估助手&quot;)=0,$X4=&quot;未达标&quot;)</formula></cfRule></conditionalFormatting>`);
    expect(text(saved, "xl/styles.xml")).toContain(`<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>`);
    const reopened = await XlsxHost.load(saved);
    expect((await reopened.read(["学校数据"])).owned!.rules).toEqual([{ sheet: "学校数据", area: { row: 3, col: 7, rows: 57, cols: 1 }, formula }]);
    await reopened.apply({ sheets: [{ name: "学校数据", mode: "update", blocks: [], formats: [], removeOwnedRules: true }] });
    expect(text(await reopened.save(), "xl/worksheets/sheet1.xml")).toBe(strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]));
  });

  test("deleting a sheet moves the sheet-scoped names of the sheets after it", async () => {
    const names = `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="2">'C'!$A$1:$B$2</definedName><definedName name="n" localSheetId="1">1</definedName></definedNames>`;
    const host = await XlsxHost.load(pkg({ A: sheet(), B: sheet(), C: sheet() }, {}, names));
    await host.apply({ sheets: [{ name: "B", mode: "delete", blocks: [], formats: [] }] });
    const saved = await host.save();
    const wb = text(saved, "xl/workbook.xml");
    expect(wb).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="1">'C'!$A$1:$B$2</definedName>`);
    expect(wb).not.toContain(`name="n"`);
    expect(Object.keys(unzipSync(saved))).not.toContain("xl/worksheets/sheet2.xml");
    expect(text(saved, "[Content_Types].xml")).not.toContain("sheet2.xml");
  });
});

test(".xlsm: the workbook stays macro-enabled and the VBA project is copied as stored", async () => {
  const bytes = new Uint8Array(readFileSync(path.join(__dirname, "..", "fixtures", "corpus", "xw_macro01.xlsm")));
  const host = await XlsxHost.load(bytes);
  await host.apply({ sheets: [{ name: "结果", mode: "replace", blocks: [{ row: 0, col: 0, values: [["达标"]] }], formats: [] }] });
  const out = unzipSync(await host.save());
  expect(Buffer.from(out["xl/vbaProject.bin"]).equals(Buffer.from(unzipSync(bytes)["xl/vbaProject.bin"]))).toBe(true);
  expect(strFromU8(out["[Content_Types].xml"])).toContain(`PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"`);
});

describe("patching the data sheet", () => {
  test("a column range covering the result columns is split; its other attributes stay", async () => {
    const host = await XlsxHost.load(pkg({ 学校数据: `<cols><col min="1" max="16384" width="9" style="0" customWidth="1"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>` }));
    await host.apply({ sheets: [{ name: "学校数据", mode: "update", blocks: [{ row: 0, col: 11, values: [["结果"]] }], formats: [], columnWidths: [{ col: 11, width: 10 }] }] });
    const xml = text(await host.save(), "xl/worksheets/sheet1.xml");
    expect(xml).toContain(`<cols><col min="1" max="11" width="9" style="0" customWidth="1"/><col min="12" max="12" width="10" style="0" customWidth="1"/><col min="13" max="16384" width="9" style="0" customWidth="1"/></cols>`);
    expect(xml).toContain(`<row r="1"><c r="A1"><v>1</v></c><c r="L1" t="inlineStr"><is><t>结果</t></is></c></row>`);
  });

  test("a sheet written with a namespace prefix (x:) gets prefixed cells; cells without r keep their place", async () => {
    const files = unzipSync(pkg({ 学校数据: "" }));
    files["xl/worksheets/sheet1.xml"] = strToU8(
      `${HEAD}<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="2"><x:c t="inlineStr"><x:is><x:t>学校名称</x:t></x:is></x:c><x:c><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    );
    const host = await XlsxHost.load(zipSync(files));
    expect((await host.read(["学校数据"])).sheets[0].values).toEqual([[null, null], ["学校名称", 7]]);
    await host.apply({ sheets: [{ name: "学校数据", mode: "update", blocks: [{ row: 1, col: 3, values: [["达标"]] }], formats: [] }] });
    const xml = text(await host.save(), "xl/worksheets/sheet1.xml");
    expect(xml).toContain(`<x:row r="2"><x:c t="inlineStr"><x:is><x:t>学校名称</x:t></x:is></x:c><x:c><x:v>7</x:v></x:c><x:c r="D2" t="inlineStr"><x:is><x:t>达标</x:t></x:is></x:c></x:row>`);
    expect((await (await XlsxHost.load(await host.save())).read(["学校数据"])).sheets[0].values[1]).toEqual(["学校名称", 7, null, "达标"]);
  });
});
