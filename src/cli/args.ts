/**
 * A small, strict argument parser for the sub-commands: declared options only, Chinese errors.
 */
import { CliError } from "./command";

export interface OptionSpec {
  /** Long name without dashes, e.g. "json". */
  name: string;
  /** Short alias without the dash, e.g. "o". */
  short?: string;
  /** true: the option takes a value (--json OUT or --json=OUT). */
  value: boolean;
  /** Allowed values, if restricted. */
  choices?: readonly string[];
  /** The option may be given more than once (--sheet A --sheet B): every value is kept in `lists`. */
  repeatable?: boolean;
}

export interface ParsedArgs {
  positional: string[];
  /** Option values by long name; flags are "true". */
  options: Record<string, string>;
  /** Every value of a repeatable option, in order. */
  lists: Record<string, string[]>;
  help: boolean;
}

export function parseArgs(args: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (a === "-h" || a === "--help") {
      help = true;
      continue;
    }
    if (!a.startsWith("-") || a === "-") {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const key = eq >= 0 ? a.slice(0, eq) : a;
    const spec = key.startsWith("--") ? specs.find((s) => s.name === key.slice(2)) : specs.find((s) => s.short === key.slice(1));
    if (!spec) throw new CliError(`未知的选项：${key}`);
    if (!spec.value) {
      if (eq >= 0) throw new CliError(`选项 ${key} 不带取值`);
      options[spec.name] = "true";
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = a.slice(eq + 1);
    else {
      value = args[i + 1];
      i++;
    }
    if (value === undefined || value === "") throw new CliError(`选项 ${key} 需要一个取值`);
    if (spec.choices && !spec.choices.includes(value)) {
      throw new CliError(`选项 ${key} 的取值「${value}」无效，可选：${spec.choices.join("、")}`);
    }
    options[spec.name] = value;
    if (spec.repeatable) (lists[spec.name] ??= []).push(value);
  }
  return { positional, options, lists, help };
}
