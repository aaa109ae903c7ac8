/**
 * Counties for the sentence tests, all read by the real reader and assessed by the real engine:
 * - the sample (examples/sample-county.xlsx, totals of the 綦江区 report);
 * - the same county where everything the data decides passes: every school's 教学仪器设备值
 *   raised by half, 音乐/美术专用教室 enough for its classes, each largest class cut to the limit
 *   (the values a bureau would enter after 整改). Nothing else changes.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { assess } from "../../src/engine";
import type { Assessment, SchoolRecord } from "../../src/engine/types";
import { XlsxHost } from "../../src/hosts/xlsx";
import type { ReadResult } from "../../src/workbook/contract";
import { INPUT_SHEETS, readWorkbook } from "../../src/workbook/read";
import { effectiveOverride } from "../../src/workbook/run";

export const SAMPLE = path.join(__dirname, "../../examples/sample-county.xlsx");

export async function sampleRead(): Promise<ReadResult> {
  const host = await XlsxHost.load(new Uint8Array(readFileSync(SAMPLE)));
  return readWorkbook(await host.read(INPUT_SHEETS));
}

export async function sampleCounty(): Promise<{ assessment: Assessment; read: ReadResult }> {
  const read = await sampleRead();
  return { read, assessment: assess(read.dataset, effectiveOverride(read.profileOverride, {})) };
}

function passing(s: SchoolRecord): SchoolRecord {
  const v = { ...s.values };
  for (const k of ["equipmentValue", "primaryEquipmentValue", "juniorEquipmentValue"] as const) {
    if (typeof v[k] === "number") v[k] = v[k]! * 1.5;
  }
  const classes = (v.primaryClasses ?? 0) + (v.juniorClasses ?? 0);
  const rooms = Math.max(1, Math.ceil(classes / 12));
  if (classes > 0) {
    v.musicRooms = Math.max(v.musicRooms ?? 0, rooms);
    v.artRooms = Math.max(v.artRooms ?? 0, rooms);
  }
  if (typeof v.primaryMaxClassSize === "number") v.primaryMaxClassSize = Math.min(v.primaryMaxClassSize, 45);
  if (typeof v.juniorMaxClassSize === "number") v.juniorMaxClassSize = Math.min(v.juniorMaxClassSize, 50);
  return { ...s, values: v };
}

export async function allPassCounty(): Promise<{ assessment: Assessment; read: ReadResult }> {
  const base = await sampleRead();
  const read: ReadResult = { ...base, dataset: { ...base.dataset, schools: base.dataset.schools.map(passing) } };
  return { read, assessment: assess(read.dataset, effectiveOverride(read.profileOverride, {})) };
}
