/** Display helpers (format.ts): the figures a bureau prints. Expected strings are hand-rounded. */
import { cv, fixed, num, percent, roundTo, statusLabel, wholeCountyWord, STATUS_LABEL } from "../../src/engine/format";

describe("format", () => {
  it("percent with 1 decimal by default", () => {
    expect(percent(2452 / 3445)).toBe("71.2%"); // 0.71175… → 71.2%
    expect(percent(673 / 677)).toBe("99.4%");
    expect(percent(384.35 / 5149.21, 2)).toBe("7.46%");
    expect(percent(1)).toBe("100.0%");
    expect(percent(null)).toBe("");
  });
  it("fixed rounds half up without binary surprises", () => {
    expect(fixed(1.005, 2)).toBe("1.01");
    expect(fixed(0.501787, 2)).toBe("0.50");
    expect(fixed(2.675, 2)).toBe("2.68");
    expect(fixed(-0.0001, 2)).toBe("0.00");
    expect(roundTo(6.33444, 3)).toBe(6.334);
    expect(cv(0.515337)).toBe("0.5153");
    expect(num(5149.21)).toBe("5149.21");
    expect(num(2452)).toBe("2452");
  });
  it("labels", () => {
    expect(STATUS_LABEL).toEqual({ met: "达标", basic: "基本达标", unmet: "未达标", error: "数据有误" });
    expect(statusLabel("skipped")).toBe("未评估");
    expect(statusLabel("pending")).toBe("待定");
  });
  it("全县 / 全区", () => {
    expect(wholeCountyWord("綦江区")).toBe("全区");
    expect(wholeCountyWord("某某县")).toBe("全县");
    expect(wholeCountyWord(null)).toBe("全县");
  });
});
