/**
 * Web Worker entry: EngineService off the UI thread. The page sends calls; in Office mode the worker's
 * workbook is remote — its read/apply/createWorkbook are sent back to the page, which runs them against
 * OfficeHost (Office.js lives only in the page). Results that are bytes are transferred, not copied.
 */
import type { WorkbookSnapshot } from "../workbook/port";
import { EngineService } from "./engineService";
import type { PageWorkbook, RemoteMethod, WorkerReply, WorkerRequest } from "./engineApi";
import type { PaneSettings } from "./appHost";

interface WorkerScope {
  postMessage(m: WorkerReply, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;

const service = new EngineService();
const hostCalls = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
let nextHid = 1;

function remote(id: number): PageWorkbook {
  const call = (method: RemoteMethod, args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      const hid = nextHid++;
      hostCalls.set(hid, { resolve, reject });
      scope.postMessage({ kind: "host", id, hid, method, args });
    });
  return {
    read: (names) => call("read", [names]) as Promise<WorkbookSnapshot>,
    apply: async (plan) => void (await call("apply", [plan])),
    createWorkbook: async (b64) => void (await call("createWorkbook", [b64])),
  };
}

async function dispatch(op: string, target: PageWorkbook | "file", args: unknown[], id: number): Promise<unknown> {
  switch (op) {
    case "assess":
      return service.assess(target, args[0] as PaneSettings, (stage) => scope.postMessage({ kind: "progress", id, stage }));
    case "template":
      return service.template(target, args[0] as PaneSettings);
    case "load":
      return service.load(args[0] as ArrayBuffer);
    case "create":
      return service.create();
    case "row":
      return service.row(args[0] as string, args[1] as string);
    case "save":
      return service.save();
    case "report":
      return service.report();
    case "reportSheet":
      return service.reportSheet(target);
    case "exportFile":
      return service.exportFile();
    case "exportOffice":
      return service.exportOffice(target, args[0] as string[]);
    case "clear":
      return service.clear(target);
    default:
      throw new Error(`unknown operation ${op}`);
  }
}

scope.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const m = e.data;
  if (m.kind === "host-reply") {
    const p = hostCalls.get(m.hid);
    hostCalls.delete(m.hid);
    if (p) {
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.value);
    }
    return;
  }
  try {
    const value = await dispatch(m.op, m.remote ? remote(m.id) : "file", m.args, m.id);
    const bytes = value instanceof Uint8Array ? value : (value as { bytes?: unknown } | null)?.bytes;
    const transfer = bytes instanceof Uint8Array ? [bytes.buffer as ArrayBuffer] : [];
    scope.postMessage({ kind: "result", id: m.id, value }, transfer);
  } catch (err) {
    scope.postMessage({ kind: "error", id: m.id, message: err instanceof Error ? err.message : String(err) });
  }
};
