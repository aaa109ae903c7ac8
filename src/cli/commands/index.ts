/**
 * The command table of `junheng`. To add a command: create src/cli/commands/<name>.ts exporting a
 * Command, and add it to this list (order = order in `junheng --help`).
 */
import type { Command } from "../command";
import { assessCommand } from "./assess";
import { templateCommand } from "./template";
import { reportCommand } from "./report";
import { exportCommand } from "./export";
import { clearCommand } from "./clear";
import { planCommand } from "./plan";
import { compareCommand } from "./compare";
import { summaryCommand } from "./summary";

export const COMMANDS: Command[] = [assessCommand, templateCommand, reportCommand, exportCommand, clearCommand, planCommand, compareCommand, summaryCommand];
