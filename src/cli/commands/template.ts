/** `junheng template OUT.xlsx [--profile NAME]`: a blank template workbook (or the missing sheets of one). */
import { promises as fs } from "fs";
import { XlsxHost } from "../../hosts/xlsx";
import { templatePlan } from "../../workbook/template";
import { UnknownProfileError, baseProfile } from "../../workbook/run";
import { parseArgs } from "../args";
import { CliError, EXIT } from "../command";
import type { Command } from "../command";
import { nativeDeflate, writeOutput } from "../files";

const USAGE = `用法：junheng template 输出.xlsx [--profile 名称]

生成空白模板工作簿：「学校数据」「县级指标」「评估标准」「说明」。
若输出文件已存在，只补上缺少的工作表，已有的工作表和数据保持不变。

选项：
      --profile 名称   「评估标准」工作表填入的评估标准（默认 national-2017）
  -h, --help           显示本帮助`;

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

export const templateCommand: Command = {
  name: "template",
  summary: "生成空白模板工作簿（已存在时只补上缺少的工作表）",
  usage: USAGE,
  async run(args, io) {
    const parsed = parseArgs(args, [{ name: "profile", value: true }]);
    if (parsed.help) {
      io.out(USAGE);
      return EXIT.ok;
    }
    if (parsed.positional.length !== 1) throw new CliError(`需要一个输出文件名。\n\n${USAGE}`);
    const out = parsed.positional[0];
    let profile;
    try {
      profile = baseProfile(parsed.options.profile);
    } catch (e) {
      if (e instanceof UnknownProfileError) throw new CliError(e.message);
      throw e;
    }
    let host: XlsxHost;
    if (await exists(out)) {
      try {
        host = await XlsxHost.load(new Uint8Array(await fs.readFile(out)));
      } catch (e) {
        throw new CliError(`「${out}」已存在，但不是可读取的 .xlsx 工作簿，未做改动。`, EXIT.unusable);
      }
    } else {
      host = XlsxHost.create();
    }
    const existing = host.sheetNames();
    const plan = templatePlan(profile, existing);
    await host.apply(plan);
    await writeOutput(out, await host.save({ deflate: nativeDeflate }));
    const added = plan.sheets.filter((s) => s.mode !== "delete").map((s) => `「${s.name}」`);
    io.out(added.length ? `已写出模板：${out}（${existing.length ? "补充了" : "包含"}${added.join("")}）` : `「${out}」已包含全部模板工作表，未做改动。`);
    return EXIT.ok;
  },
};
