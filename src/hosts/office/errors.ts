/**
 * Office errors → Chinese messages for bureau staff.
 *
 * Mapped by `error.code` only (OfficeExtension.Error / Excel.ErrorCodes): the `message` of an
 * Office error is localised to the user's Office language and is not meant for end users.
 * Every message ends with the code in brackets so that a support call can quote it.
 */

/** An error whose message is ready to show to a user (Chinese). */
export class OfficeHostError extends Error {
  /** The Office error code, or our own code for checks made before writing. */
  readonly code: string;
  constructor(message: string, code: string, options?: { cause?: unknown }) {
    super(message);
    this.name = "OfficeHostError";
    this.code = code;
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

/** Our own codes, for problems found by a check before anything is written. */
export const PRECHECK = {
  sheetProtected: "SheetProtected",
  structureProtected: "WorkbookStructureProtected",
  readOnly: "WorkbookReadOnly",
} as const;

const MESSAGES: Record<string, string> = {
  AccessDenied: "Excel 拒绝写入：工作表或工作簿受保护，或文件以只读方式打开。请在「审阅」选项卡中撤销保护，或打开可编辑的副本后再评估。",
  [PRECHECK.readOnly]: "工作簿以只读方式打开，无法写回评估结果。请另存为可编辑的副本（或在 Excel 中点击「编辑工作簿」）后再评估。",
  [PRECHECK.structureProtected]: "工作簿结构受保护，无法新建或替换结果工作表。请在「审阅 → 保护工作簿」中撤销保护后再评估。",
  InvalidOperationInCellEditMode: "Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，再点击「评估」。",
  RequestPayloadSizeLimitExceeded: "一次写入的数据超过了 Excel 网页版的上限。请关闭其他加载项后重试；若仍失败，请使用 Excel 桌面版或命令行工具处理此工作簿。",
  ResponsePayloadSizeLimitExceeded: "读取的数据超过了 Excel 网页版的上限。请删除「学校数据」等工作表中多余的空行、空列和无关内容后重试，或使用 Excel 桌面版。",
  RangeExceedsLimit: "要读取或写入的区域超过了 Excel 的单元格数量上限。请删除数据区域之外多余的行和列后重试。",
  OperationCellsExceedLimit: "本次操作涉及的单元格过多，超过了 Excel 的上限。请删除数据区域之外多余的行和列后重试。",
  ItemNotFound: "找不到所需的工作表或单元格，可能在评估过程中被重命名或删除。请检查工作表名称后重试。",
  ItemAlreadyExists: "已存在同名的工作表，无法创建结果工作表。请检查工作表名称后重试。",
  ApiNotFound: "当前 Excel 版本不支持本加载项所需的功能（需要 ExcelApi 1.7 及以上）。请升级 Office 或使用 Excel 网页版。",
  UnsupportedOperation: "当前 Excel 不支持此操作。请升级 Office 或使用 Excel 网页版。",
  InvalidOperation: "Excel 拒绝了本次操作（常见原因：工作表受保护、存在合并单元格冲突或筛选状态）。请检查后重试。",
  MergedRangeConflict: "写入区域与已有的合并单元格冲突。请取消「学校数据」右侧评估结果区域中的合并单元格后重试。",
  FilteredRangeConflict: "工作表处于筛选状态，无法写入。请清除筛选后重试。",
  InvalidArgument: "Excel 不接受本次写入的内容（参数无效）。请将此提示反馈给技术支持。",
  RequestAborted: "Excel 中止了本次请求。请稍后重试。",
  Conflict: "工作簿正被他人同时编辑，写入发生冲突。请稍后重试。",
  InsertDeleteConflict: "工作簿正被他人同时编辑，写入发生冲突。请稍后重试。",
  GeneralException: "Excel 内部错误，评估未完成。请保存工作簿后重试。",
};

/** Code of an Office error, or "" when the value is not one. */
export function officeErrorCode(err: unknown): string {
  if (err && typeof err === "object" && "code" in err) {
    const code = (err as { code: unknown }).code;
    if (typeof code === "string") return code;
  }
  return "";
}

/** The Chinese message for a known code, with the code appended; null for an unknown code. */
export function messageForCode(code: string): string | null {
  const text = MESSAGES[code];
  return text ? `${text}（错误代码：${code}）` : null;
}

/** A Chinese message for any error thrown while talking to Excel. */
export function officeErrorMessage(err: unknown): string {
  if (err instanceof OfficeHostError) return err.message;
  const code = officeErrorCode(err);
  const known = messageForCode(code);
  if (known) return known;
  if (code) return `Excel 报告了错误，评估未完成。请保存工作簿后重试；如仍失败，请将错误代码告知技术支持。（错误代码：${code}）`;
  return `评估未完成：发生了意外错误。请保存工作簿后重试。（${err instanceof Error ? err.message : String(err)}）`;
}

/** Wraps any error into an OfficeHostError with the Chinese message. */
export function toOfficeHostError(err: unknown): OfficeHostError {
  if (err instanceof OfficeHostError) return err;
  return new OfficeHostError(officeErrorMessage(err), officeErrorCode(err) || "Unknown", { cause: err });
}
