/** `junheng clear FILE [-o OUT.xlsx]`: 清除评估结果, the undo of every assessment of the workbook. */
import * as path from "path";
import { clearWorkbook } from "../../workbook/run";
import { parseArgs } from "../args";
import { CliError, EXIT } from "../command";
import type { Command } from "../command";
import { writeOutput } from "../files";
import { loadWorkbookFile } from "../load";

const USAGE = `用法：junheng clear 文件.xlsx [-o 输出.xlsx]

清除评估结果：删除评估写入的全部内容——「监测点指标」「差异系数」「问题清单」「评估汇总」
「数据问题」等结果工作表、「学校数据」右侧的评估结果列及其条件格式标色——恢复到首次评估之前的样子。
只删除评估助手自己写入并做了标记的内容；您自己的工作表、列、批注和格式（即使名称相同）一概不动。

选项：
  -o, --output 输出.xlsx     写出清除后的工作簿（默认：输入文件所在目录下“原文件名-已清除评估结果.xlsx”；
                             可与输入同名以覆盖原文件）
  -h, --help                 显示本帮助

退出码：0 已完成（工作簿中没有评估结果时也为 0，并且不写文件）；1 用法错误；2 文件无法使用。`;

export const clearCommand: Command = {
  name: "clear",
  summary: "清除评估结果：删除评估写入的结果工作表、结果列和标色，恢复评估前的工作簿",
  usage: USAGE,
  async run(args, io) {
    const parsed = parseArgs(args, [{ name: "output", short: "o", value: true }]);
    if (parsed.help) {
      io.out(USAGE);
      return EXIT.ok;
    }
    if (parsed.positional.length !== 1) throw new CliError(`需要且只需要一个输入文件。\n\n${USAGE}`);
    const file = parsed.positional[0];
    const out = parsed.options.output ?? path.join(path.dirname(path.resolve(file)), `${path.basename(file, path.extname(file))}-已清除评估结果.xlsx`);
    if (!out.toLowerCase().endsWith(".xlsx")) throw new CliError(`输出文件名应以 .xlsx 结尾：${out}`);
    const host = await loadWorkbookFile(file);
    const run = await clearWorkbook(host);
    io.out(`清除评估结果：${path.basename(file)}`);
    if (!run.changed) {
      io.out("工作簿中没有评估助手写入的评估结果，无需清除；未写出文件。");
      return EXIT.ok;
    }
    if (run.sheets.length) io.out(`已删除结果工作表：${run.sheets.map((s) => `「${s}」`).join("、")}`);
    if (run.block) io.out("已清除「学校数据」右侧的评估结果列及标色。");
    await writeOutput(out, await host.save());
    io.out(`已写出工作簿：${out}`);
    return EXIT.ok;
  },
};
