/**
 * `junheng`: the command line of 优质均衡评估助手. Dispatches to the commands in ./commands.
 * Compiled by `npm run build:cli` into dist/node; bin/junheng.js loads dist/node/cli/index.js.
 */
import { CliError, EXIT } from "./command";
import type { CliIO, Command } from "./command";
import { COMMANDS } from "./commands";

const VERSION = "0.1.0";

export function helpText(commands: readonly Command[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "优质均衡评估助手（命令行）—— 县域义务教育优质均衡发展督导评估（教督〔2017〕6号）",
    "",
    "用法：junheng <命令> [参数与选项]",
    "",
    "命令：",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "查看某个命令的说明：junheng <命令> --help",
    "示例：",
    "  junheng template 某县数据.xlsx",
    "  junheng assess 某县数据.xlsx -o 某县评估结果.xlsx --json 结果.json",
    "",
    "退出码：0 完成；1 用法错误；2 文件无法使用。所有数据只在本机处理，不联网。",
  ].join("\n");
}

const STD_IO: CliIO = {
  out: (t) => process.stdout.write(t + "\n"),
  err: (t) => process.stderr.write(t + "\n"),
};

/** Runs the command line with `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIO = STD_IO, commands: readonly Command[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "-h" || name === "--help" || name === "help") {
    const target = name === "help" ? commands.find((c) => c.name === rest[0]) : undefined;
    io.out(target ? target.usage : helpText(commands));
    return EXIT.ok;
  }
  if (name === "-v" || name === "--version") {
    io.out(VERSION);
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`未知的命令：${name}\n\n${helpText(commands)}`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`错误：${e.message}`);
      return e.exitCode;
    }
    io.err(`意外错误：${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    return EXIT.usage;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
