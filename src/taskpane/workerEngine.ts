/**
 * EngineApi over a Web Worker (worker.ts). Calls are numbered; progress and remote workbook calls
 * arrive tagged with the call's number. A page workbook target stays in the page: the worker asks for
 * its read/apply/createWorkbook by message and gets the answers back.
 */
import type { EngineApi, OfficeExport, PageWorkbook, Target, WorkerReply, WorkerRequest } from "./engineApi";
import type { PaneModel } from "./model";
import type { PaneSettings, RowPreview, Stage, TemplateOutcome } from "./appHost";

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  onProgress?: (stage: Stage) => void;
  host?: PageWorkbook;
}

export class WorkerEngine implements EngineApi {
  private pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<WorkerReply>) => this.receive(e.data);
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      const err = new Error(`后台计算出错：${e.message || "未知错误"}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
  }

  private async hostCall(host: PageWorkbook | undefined, method: string, args: unknown[]): Promise<unknown> {
    if (!host) throw new Error("no workbook");
    if (method === "read") return host.read(args[0] as string[]);
    if (method === "apply") return void (await host.apply(args[0] as Parameters<PageWorkbook["apply"]>[0]));
    if (method === "createWorkbook" && host.createWorkbook) return void (await host.createWorkbook(args[0] as string));
    throw new Error(`unsupported ${method}`);
  }

  private receive(m: WorkerReply): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.kind === "progress") p.onProgress?.(m.stage);
    else if (m.kind === "result") {
      this.pending.delete(m.id);
      p.resolve(m.value);
    } else if (m.kind === "error") {
      this.pending.delete(m.id);
      p.reject(new Error(m.message));
    } else {
      this.hostCall(p.host, m.method, m.args).then(
        (value) => this.post({ kind: "host-reply", hid: m.hid, value }),
        (err: unknown) => this.post({ kind: "host-reply", hid: m.hid, error: err instanceof Error ? err.message : String(err) }),
      );
    }
  }

  private post(m: WorkerRequest, transfer: Transferable[] = []): void {
    this.worker.postMessage(m, transfer);
  }

  private call<T>(op: keyof EngineApi, args: unknown[], target?: Target, onProgress?: (s: Stage) => void, transfer: Transferable[] = []): Promise<T> {
    const id = this.nextId++;
    const host = target && target !== "file" ? target : undefined;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress, host });
      this.post({ kind: "call", id, op, remote: host !== undefined, args }, transfer);
    });
  }

  load(data: ArrayBuffer | Uint8Array): Promise<string[]> {
    const buf = data instanceof Uint8Array ? (data.slice().buffer as ArrayBuffer) : data;
    return this.call("load", [buf], undefined, undefined, [buf]);
  }
  create(): Promise<void> {
    return this.call("create", []);
  }
  assess(target: Target, settings: PaneSettings, onProgress?: (stage: Stage) => void): Promise<PaneModel> {
    return this.call("assess", [settings], target, onProgress);
  }
  template(target: Target, settings: PaneSettings): Promise<TemplateOutcome> {
    return this.call("template", [settings], target);
  }
  row(sheet: string, cell: string): Promise<RowPreview | null> {
    return this.call("row", [sheet, cell]);
  }
  save(): Promise<Uint8Array> {
    return this.call("save", []);
  }
  report(): Promise<{ bytes: Uint8Array; fileName: string }> {
    return this.call("report", []);
  }
  reportSheet(target: Target): Promise<string> {
    return this.call("reportSheet", [], target);
  }
  exportFile(): Promise<{ bytes: Uint8Array; fileName: string }> {
    return this.call("exportFile", []);
  }
  exportOffice(target: Target, supported: string[]): Promise<OfficeExport> {
    return this.call("exportOffice", [supported], target);
  }
  clear(target: Target): Promise<string> {
    return this.call("clear", [], target);
  }
}
