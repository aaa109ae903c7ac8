/**
 * Microsoft's real Excel JavaScript client in jsdom, to measure the requests OfficeHost sends in the
 * real Office.js request format: @microsoft/office-js's dist/excel-web-16.00.debug.js (the Excel script
 * of Excel on the web) is evaluated in a jsdom window, and each RequestContext's request executor is
 * replaced by one that records the request body (the JSON the client would send to Excel) and answers
 * with a success. The answer is what Excel returns for the write batches: nothing, except the id of each
 * object a method added (worksheets.add(), charts.add()), which the client needs to keep using that
 * object in the next sync. Requests with loads (the reads, the probe) are not answered that way.
 */
import * as fs from "fs";
import { JSDOM } from "jsdom";
import type { WritePlan } from "../../src/workbook/plan";
import { runWriteBatches, type OfficeHost } from "../../src/hosts/office/officeHost";
import { batchBytes, chartSteps, planSteps, writeBatches, type Capabilities, type WeightedStep } from "../../src/hosts/office/schedule";

const SCRIPT = require.resolve("@microsoft/office-js/dist/excel-web-16.00.debug.js");

interface ExcelGlobal {
  RequestContext: new () => Excel.RequestContext;
}

let excel: ExcelGlobal | null = null;

/** The real Excel client (loaded once per process, ≈ 0.2 s). */
export function realExcelClient(): ExcelGlobal {
  if (excel) return excel;
  const dom = new JSDOM("<!doctype html><html><body></body></html>", { runScripts: "outside-only", url: "https://localhost/" });
  const w = dom.window as unknown as { eval(src: string): void; Excel: ExcelGlobal };
  w.eval(fs.readFileSync(SCRIPT, "utf8"));
  excel = w.Excel;
  return excel;
}

export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

interface RequestBody {
  Actions: { Id: number; ActionType: number; ObjectPathId: number }[];
  ObjectPaths: Record<string, { ObjectPathType: number; Name: string }>;
}

/** Results for the instantiate actions (ActionType 1) of objects returned by an Add method (ObjectPathType 3). */
function addedObjectIds(body: RequestBody): { ActionId: number; Value: { Id: string } }[] {
  return body.Actions.filter((a) => a.ActionType === 1 && body.ObjectPaths[a.ObjectPathId]?.ObjectPathType === 3 && body.ObjectPaths[a.ObjectPathId].Name === "Add").map(
    (a) => ({ ActionId: a.Id, Value: { Id: `{00000000-0001-0000-${String(a.Id).padStart(4, "0").slice(-4)}-000000000000}` } }),
  );
}

/** A real RequestContext whose syncs are recorded (UTF-8 bytes of each request body) and succeed. */
export function recordingContext(): { ctx: Excel.RequestContext; requests: number[]; bodies: string[] } {
  const ctx = new (realExcelClient().RequestContext)();
  const requests: number[] = [];
  const bodies: string[] = [];
  (ctx as unknown as { _requestExecutor: unknown })._requestExecutor = {
    executeAsync(_customData: unknown, _flags: number, message: { Body: unknown }) {
      const body = JSON.stringify(message.Body);
      bodies.push(body);
      requests.push(utf8Bytes(body));
      return Promise.resolve({ HttpStatusCode: 200, ErrorCode: "", ErrorMessage: "", Headers: {}, Body: { Results: addedObjectIds(message.Body as RequestBody) } });
    },
  };
  return { ctx, requests, bodies };
}

export interface MeasuredBatch {
  steps: number;
  /** The scheduler's estimate (WeightedStep bytes). */
  estimate: number;
  /** The real request body's UTF-8 bytes. */
  real: number;
}

/** Real request bytes of the batches OfficeHost sends for `batches` (runWriteBatches, one context). */
export async function measureBatches(batches: WeightedStep[][], caps: Capabilities): Promise<MeasuredBatch[]> {
  const { ctx, requests } = recordingContext();
  await runWriteBatches(ctx, batches, caps);
  return batches.map((b, i) => ({ steps: b.length, estimate: batchBytes(b), real: requests[i] ?? 0 }));
}

/** Real request bytes of the write batches of a plan, as OfficeHost.apply would cut them. */
export async function measureWrite(plan: WritePlan, existing: string[], caps: Capabilities): Promise<MeasuredBatch[]> {
  return measureBatches(writeBatches(planSteps(plan, { existing }, caps), chartSteps(plan, caps)), caps);
}

export interface AppliedPlan {
  plan: WritePlan;
  /** Sheet names before the plan ran. */
  existing: string[];
}

/** Records the last plan a host applies (and the sheets there were then), to measure it afterwards. */
export function recordApplies(host: OfficeHost, sheetNames: () => string[]): () => AppliedPlan {
  let last: AppliedPlan | null = null;
  const apply = host.apply.bind(host);
  host.apply = async (plan) => {
    last = { plan, existing: sheetNames() };
    return apply(plan);
  };
  return () => {
    if (!last) throw new Error("no plan applied");
    return last;
  };
}
