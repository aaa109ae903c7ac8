/**
 * What a `junheng` sub-command is. Each command lives in src/cli/commands/<name>.ts and is
 * registered once in src/cli/commands/index.ts.
 */

/** Exit codes of the command line. */
export const EXIT = {
  /** The command ran (whatever the verdicts of the assessment). */
  ok: 0,
  /** Wrong usage (unknown option, missing argument, unknown profile) or an unexpected failure. */
  usage: 1,
  /** The input file cannot be used (not an .xlsx, no 学校数据 sheet, no 学校名称 header …). */
  unusable: 2,
} as const;

/** Where a command writes its messages (stdout / stderr in the real CLI; buffers in tests). */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  /** Sub-command name, e.g. "assess". */
  name: string;
  /** One line in Chinese for `junheng --help`. */
  summary: string;
  /** Full usage text in Chinese for `junheng <name> --help`. */
  usage: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(args: string[], io: CliIO): Promise<number>;
}

/** A failure with a Chinese message for the user and the exit code it maps to. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = "CliError";
  }
}
