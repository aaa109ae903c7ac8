/** @jest-environment jsdom */
/**
 * The page's workbook as the engine's worker sees it: createWorkbook (Excel.createWorkbook) exists there
 * only where the page has it, so that 导出上报 chooses the 「上报-」 sheets where Excel cannot open a new
 * workbook, instead of calling a function that is not there.
 */
import type { WorkerRequest } from "../../src/taskpane/engineApi";
import { WorkerEngine } from "../../src/taskpane/workerEngine";
import { remote } from "../../src/taskpane/worker";

/** What WorkerEngine posts for an exportOffice call on this page workbook. */
function postedCall(createWorkbook?: (b64: string) => Promise<void>): WorkerRequest {
  const posted: WorkerRequest[] = [];
  const worker = { postMessage: (m: WorkerRequest) => posted.push(m), onmessage: null, onerror: null } as unknown as Worker;
  const host = { read: async () => ({ sheetNames: [], sheets: [] }), apply: async () => undefined, ...(createWorkbook ? { createWorkbook } : {}) };
  void new WorkerEngine(worker).exportOffice(host, ["1.7", "1.8"], 5_000_000);
  return posted[0];
}

test("the page tells the worker whether its workbook can create workbooks", () => {
  expect(postedCall()).toMatchObject({ kind: "call", op: "exportOffice", remote: true, canCreateWorkbook: false, args: [["1.7", "1.8"], 5_000_000] });
  expect(postedCall(async () => undefined)).toMatchObject({ canCreateWorkbook: true });
});

test("the worker's proxy has createWorkbook only where the page has it", () => {
  expect(remote(1, false).createWorkbook).toBeUndefined();
  expect(typeof remote(1, true).createWorkbook).toBe("function");
});
