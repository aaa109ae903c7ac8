/**
 * What the assess-like commands (assess, plan, compare, summary) share: their arguments and their
 * outputs — the JSON (`--json FILE`, or `-` for the screen) and the result workbook (`-o`).
 */
import type { OptionSpec, ParsedArgs } from "./args";
import { parseArgs } from "./args";
import { CliError } from "./command";
import type { CliIO } from "./command";
import { writeOutput } from "./files";

/** -o, --json and the assessment options (--profile, --cv-rule, --no-split, --sheet, --write-map) of assess-like commands. */
export const RESULT_OPTION_SPECS: readonly OptionSpec[] = [
  { name: "output", short: "o", value: true },
  { name: "json", value: true },
  { name: "profile", value: true },
  { name: "cv-rule", value: true, choices: ["each", "composite"] },
  { name: "no-split", value: false },
  { name: "sheet", value: true, repeatable: true },
  { name: "write-map", value: false },
];


/** Help lines of the assessment options (after -o and --json). */
export const RESULT_OPTIONS_HELP = `      --profile 名称         评估标准（默认 national-2017）
      --cv-rule each|composite
                             差异系数判定规则：each 每项指标均不超过标准（默认），
                             composite 仅看综合差异系数
      --no-split             不按加权学生数拆分一贯制/完全中学的校舍和设备
      --sheet 工作表名       学校数据所在的工作表（默认按内容自动查找；按学段分表时可写两次）
      --write-map            在结果工作簿中写出「列对应」表（各字段取自哪些列），便于核对和修改
  -h, --help                 显示本帮助`;

export interface ResultArgs {
  parsed: ParsedArgs;
  files: string[];
  output: string | undefined;
  json: string | undefined;
  /** Where messages go: stderr when the JSON goes to the screen, else stdout. */
  say(text: string): void;
}

/**
 * Parses -o/--json/--profile/--cv-rule/--no-split and the input files; null after printing the
 * usage for --help. `count` is the number of files (exact), or "some" for one or more.
 */
export function parseResultArgs(args: string[], usage: string, io: CliIO, count: number | "some", countError: string): ResultArgs | null {
  const parsed = parseArgs(args, RESULT_OPTION_SPECS);
  if (parsed.help) {
    io.out(usage);
    return null;
  }
  const files = parsed.positional;
  if (count === "some" ? files.length === 0 : files.length !== count) throw new CliError(`${countError}\n\n${usage}`);
  const { output, json } = parsed.options;
  return { parsed, files, output, json, say: json === "-" ? io.err : io.out };
}

/** Writes `data` as JSON to the --json target ("-" = the screen). */
export async function writeJson(r: ResultArgs, io: CliIO, data: unknown): Promise<void> {
  if (!r.json) return;
  const text = JSON.stringify(data, null, 2) + "\n";
  if (r.json === "-") io.out(text.trimEnd());
  else {
    await writeOutput(r.json, text);
    r.say(`已写出 JSON：${r.json}`);
  }
}

/** Writes the result workbook to -o, or says that none was written. */
export async function writeWorkbook(r: ResultArgs, bytes: () => Promise<Uint8Array>, what = "结果工作簿"): Promise<void> {
  if (r.output) {
    await writeOutput(r.output, await bytes());
    r.say(`已写出${what}：${r.output}`);
  } else {
    r.say("（未指定 -o，未写出工作簿，原文件未改动。）");
  }
}
