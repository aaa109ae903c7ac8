/// <reference types="et-jsapi-declare" />
/** Charts of the fake ET: ChartObjects().Add, the chart, its title, legend and series (see fakeEt.ts). */

/* eslint-disable @typescript-eslint/no-explicit-any */

import type * as Port from "../../src/hosts/wps/et";
import type { Shape } from "./fakeExcel";
import { EtObject, FakeEtError, cellName, type FakeEtChartRecord, type FakeEtSheet } from "./fakeEtModel";
import type { FakeEt, FakeEtRange } from "./fakeEt";

export class FakeEtChartObjects extends EtObject implements Port.EtChartObjects, Shape<Et.ChartObjects, "Count" | "Add"> {
  constructor(
    et: FakeEt,
    private readonly sheet: FakeEtSheet,
  ) {
    super(et);
  }
  get Count(): number {
    this.tick("Count");
    return this.sheet.charts.length;
  }
  Add(left: number, top: number, width: number, height: number): FakeEtChartObject {
    this.tick("Add");
    const rec: FakeEtChartRecord = { name: `图表 ${this.sheet.charts.length + 1}`, left, top, width, height, type: 51, source: null, plotBy: null, title: null, legend: null, series: [] };
    this.sheet.charts.push(rec);
    return new FakeEtChartObject(this.et, this.sheet, rec);
  }
}

export class FakeEtChartObject extends EtObject implements Port.EtChartObject, Shape<Et.ChartObject, "Name" | "Chart"> {
  constructor(
    et: FakeEt,
    private readonly sheet: FakeEtSheet,
    private readonly rec: FakeEtChartRecord,
  ) {
    super(et);
  }
  get Name(): string {
    this.tick("Name");
    return this.rec.name;
  }
  set Name(v: string) {
    this.tick("Name=");
    this.rec.name = v;
  }
  get Chart(): any {
    this.tick("Chart");
    return new FakeEtChart(this.et, this.sheet, this.rec);
  }
}

export class FakeEtChart extends EtObject implements Port.EtChart {
  constructor(
    et: FakeEt,
    private readonly sheet: FakeEtSheet,
    private readonly rec: FakeEtChartRecord,
  ) {
    super(et);
  }
  get ChartType(): number {
    this.tick("ChartType");
    return this.rec.type;
  }
  set ChartType(v: number) {
    this.tick("ChartType=");
    this.rec.type = v;
  }
  get HasTitle(): boolean {
    this.tick("HasTitle");
    return this.rec.title !== null;
  }
  set HasTitle(v: boolean) {
    this.tick("HasTitle=");
    this.rec.title = v ? (this.rec.title ?? "") : null;
  }
  get ChartTitle(): { Text: string } {
    this.tick("ChartTitle");
    const rec = this.rec;
    const tick = (n: string) => this.tick(`ChartTitle.${n}`);
    if (rec.title === null) throw new FakeEtError("the chart has no title (HasTitle is false)");
    return {
      get Text() {
        tick("Text");
        return rec.title ?? "";
      },
      set Text(v: string) {
        tick("Text=");
        rec.title = v;
      },
    };
  }
  get HasLegend(): boolean {
    this.tick("HasLegend");
    return this.rec.legend !== null;
  }
  set HasLegend(v: boolean) {
    this.tick("HasLegend=");
    this.rec.legend = v ? (this.rec.legend ?? -4152) : null;
  }
  get Legend(): { Position: number } {
    this.tick("Legend");
    const rec = this.rec;
    const tick = (n: string) => this.tick(`Legend.${n}`);
    return {
      get Position() {
        tick("Position");
        return rec.legend ?? 0;
      },
      set Position(v: number) {
        tick("Position=");
        rec.legend = v;
      },
    };
  }
  SetSourceData(source: FakeEtRange, plotBy?: number): void {
    this.tick("SetSourceData");
    if (source.sheet !== this.sheet) throw new FakeEtError("source on another sheet is not modelled");
    const a = source.areas[0];
    this.rec.source = `${cellName(a.row, a.col)}:${cellName(a.row + a.rows - 1, a.col + a.cols - 1)}`;
    this.rec.plotBy = plotBy ?? 2;
    const n = (plotBy ?? 2) === 2 ? a.cols - 1 : a.rows - 1;
    this.rec.series = Array.from({ length: n }, () => ({ type: null, fill: null, line: null, dash: null }));
  }
  SeriesCollection(index: number): Port.EtChartSeries {
    this.tick("SeriesCollection");
    const s = this.rec.series[index - 1];
    if (!s) throw new FakeEtError(`series ${index} out of range`);
    const tick = (n: string) => this.tick(`Series.${n}`);
    const color = (key: "fill" | "line") => ({
      get RGB() {
        tick(`${key}.RGB`);
        return s[key] ?? 0;
      },
      set RGB(v: number) {
        tick(`${key}.RGB=`);
        s[key] = v;
      },
    });
    return {
      get ChartType() {
        tick("ChartType");
        return s.type ?? 51;
      },
      set ChartType(v: number) {
        tick("ChartType=");
        s.type = v;
      },
      Format: {
        Fill: { ForeColor: color("fill") },
        Line: {
          ForeColor: color("line"),
          get DashStyle() {
            tick("DashStyle");
            return s.dash ?? 1;
          },
          set DashStyle(v: number) {
            tick("DashStyle=");
            s.dash = v;
          },
        },
      },
    };
  }
}
