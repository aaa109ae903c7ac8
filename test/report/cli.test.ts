/** `junheng report` and `junheng export` from the command table, on real files. */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { COMMANDS } from "../../src/cli/commands";
import { CliError } from "../../src/cli/command";
import { fixtureXlsx } from "./fixture";
import { docxParagraphs, zipText } from "./helpers";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "junheng-report-"));
  await fs.writeFile(path.join(dir, "县域数据.xlsx"), await fixtureXlsx());
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const term = () => {
  const lines: string[] = [];
  return { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t), lines };
};
const command = (name: string) => COMMANDS.find((c) => c.name === name)!;

test("report and export are registered in the command table", () => {
  expect(COMMANDS.map((c) => c.name)).toEqual(expect.arrayContaining(["report", "export"]));
});

test("junheng report FILE -o OUT.docx writes the report and leaves the input unchanged", async () => {
  const input = path.join(dir, "县域数据.xlsx");
  const before = await fs.readFile(input);
  const out = path.join(dir, "报告.docx");
  const t = term();
  expect(await command("report").run([input, "-o", out], t)).toBe(0);
  expect(t.lines[0]).toContain("已生成自查自评报告初稿");
  const paragraphs = docxParagraphs(zipText(new Uint8Array(await fs.readFile(out)))["word/document.xml"]);
  expect(paragraphs[1]).toBe("创建全国义务教育优质均衡发展区自查自评报告");
  expect(Buffer.compare(before, await fs.readFile(input))).toBe(0);
});

test("without -o the report goes beside the input, named with county and date", async () => {
  const input = path.join(dir, "县域数据.xlsx");
  expect(await command("report").run([input, "--county", "样例县"], term())).toBe(0);
  const names = await fs.readdir(dir);
  expect(names.some((n) => /^样例县-优质均衡自查自评报告-\d{4}-\d{2}-\d{2}\.docx$/.test(n))).toBe(true);
});

test("bad input: a clear Chinese message and exit code 2", async () => {
  const bad = path.join(dir, "坏文件.xlsx");
  await fs.writeFile(bad, "not a workbook");
  await expect(command("report").run([bad], term())).rejects.toMatchObject({ exitCode: 2 });
  await expect(command("export").run([path.join(dir, "不存在.xlsx")], term())).rejects.toBeInstanceOf(CliError);
  await expect(command("report").run([path.join(dir, "县域数据.xlsx"), "-o", path.join(dir, "x.pdf")], term())).rejects.toThrow("应以 .docx 结尾");
});
