/** Office errors are told apart by their code, never by their (localised) message. */
import { officeErrorMessage, toOfficeHostError } from "../../src/hosts/office";
import { FakeOfficeError } from "../fakes/fakeExcel";

const cases: [string, RegExp][] = [
  ["AccessDenied", /受保护.*只读/],
  ["InvalidOperationInCellEditMode", /单元格编辑状态/],
  ["RequestPayloadSizeLimitExceeded", /一次写入的数据超过/],
  ["ResponsePayloadSizeLimitExceeded", /读取的数据超过/],
  ["ItemNotFound", /找不到/],
  ["GeneralException", /内部错误/],
];

test.each(cases)("%s gets its Chinese message and the code", (code, pattern) => {
  for (const localised of ["Access denied.", "Zugriff verweigert.", "访问被拒绝。"]) {
    const msg = officeErrorMessage(new FakeOfficeError(code, localised));
    expect(msg).toMatch(pattern);
    expect(msg).toContain(`错误代码：${code}`);
    expect(msg).not.toContain(localised);
  }
});

test("an unknown code still gives a Chinese message naming the code", () => {
  expect(officeErrorMessage(new FakeOfficeError("SomethingNew", "x"))).toMatch(/^Excel 报告了错误.*SomethingNew/);
});

test("a plain error (no code) is wrapped with a Chinese lead", () => {
  const e = toOfficeHostError(new TypeError("boom"));
  expect(e.message).toMatch(/^评估未完成/);
  expect(e.code).toBe("Unknown");
});
