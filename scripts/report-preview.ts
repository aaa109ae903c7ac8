/**
 * `npm run report:preview [-- 工作簿.xlsx] [--out 目录] [--dpi 80]` (default output: <tmp>/junheng-report-preview)
 *
 * Writes the report of a workbook (default examples/sample-county.xlsx) as .docx and renders its
 * pages to PNG through LibreOffice (`soffice --headless --convert-to pdf`) and poppler (`pdftoppm`),
 * for people to look at. Without them it says how to install them and stops (exit code 3); the
 * tests never need them.
 *
 * LibreOffice does not lay out Word's character grid (docGrid linesAndChars: it gives each 3号
 * character two grid cells, about 20 characters a line). The PDF is therefore made from a copy
 * whose grid is lines only, with the body's characters narrowed by the grid's own difference
 * (charSpace), which is how Word fits 28 characters a line. The .docx written beside it is the
 * real one.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join, resolve } from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { XlsxHost } from "../src/hosts/xlsx";
import { buildReportDocx } from "../src/report/docx";
import { CHAR_SPACE } from "../src/report/docx/layout";
import { assessWorkbook } from "../src/workbook/run";

const root = resolve(__dirname, "..");
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const outDir = resolve(opt("--out") ?? join(tmpdir(), "junheng-report-preview"));
const dpi = Number(opt("--dpi") ?? 80);
const input = resolve(args[0] ?? join(root, "examples/sample-county.xlsx"));

function has(cmd: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

/** The copy LibreOffice can lay out like Word: line grid, and characters narrowed by the grid's charSpace (1/4096 pt → twips). */
export function forLibreOffice(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  const doc = strFromU8(files["word/document.xml"]).replace(/<w:docGrid w:type="linesAndChars"([^>]*?) w:charSpace="-?\d+"\/>/, '<w:docGrid w:type="lines"$1/>');
  files["word/document.xml"] = strToU8(doc);
  const narrow = Math.floor((CHAR_SPACE / 4096) * 20);
  const styles = strFromU8(files["word/styles.xml"]).replace(/(<w:rPrDefault><w:rPr>)/, `$1<w:spacing w:val="${narrow}"/>`);
  files["word/styles.xml"] = strToU8(styles);
  return zipSync(files);
}

async function main(): Promise<void> {
  if (!existsSync(input)) {
    console.error(`找不到工作簿：${input}`);
    process.exit(2);
  }
  const host = await XlsxHost.load(new Uint8Array(readFileSync(input)));
  const run = await assessWorkbook(host);
  const docx = await buildReportDocx(run.assessment, run.read);
  mkdirSync(outDir, { recursive: true });
  const name = basename(input).replace(/\.xlsx$/i, "");
  const docxPath = join(outDir, `${name}-自查自评报告.docx`);
  writeFileSync(docxPath, docx);
  console.log(`已写出报告：${docxPath}`);
  const missing = ["soffice", "pdftoppm"].filter((c) => !has(c));
  if (missing.length) {
    console.error(
      `未找到 ${missing.join("、")}，无法生成页面预览图。请先安装 LibreOffice 和 poppler（约需几分钟）：\n` +
        "  sudo apt-get install -y libreoffice-writer-nogui poppler-utils fonts-wqy-zenhei\n" +
        "（macOS：brew install --cask libreoffice && brew install poppler）安装后重新运行 npm run report:preview。",
    );
    process.exit(3);
  }
  const work = join(outDir, "_libreoffice");
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const copy = join(work, `${name}.docx`);
  writeFileSync(copy, forLibreOffice(docx));
  const lo = spawnSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", work, copy], { encoding: "utf8" });
  const pdf = join(work, `${name}.pdf`);
  if (lo.status !== 0 || !existsSync(pdf)) {
    console.error(`LibreOffice 转换失败：${lo.stderr || lo.stdout}`);
    process.exit(1);
  }
  for (const f of readdirSync(outDir)) if (/^page-\d+\.png$/.test(f)) rmSync(join(outDir, f));
  const pp = spawnSync("pdftoppm", ["-r", String(dpi), "-png", pdf, join(outDir, "page")], { encoding: "utf8" });
  if (pp.status !== 0) {
    console.error(`pdftoppm 失败：${pp.stderr}`);
    process.exit(1);
  }
  const pages = readdirSync(outDir).filter((f) => /^page-\d+\.png$/.test(f)).sort();
  console.log(`已生成 ${pages.length} 页预览图（${dpi} dpi）：${outDir}/page-*.png`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
