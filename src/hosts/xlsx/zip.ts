/**
 * Changing a few parts of a saved .xlsx without recompressing the rest.
 *
 * A large workbook's zip holds tens of MB of sheet XML; the chart post-processor (charts.ts) only
 * touches a handful of small parts. `ZipParts` decompresses just the parts asked for, and
 * `withParts` writes a new zip in which every untouched entry is copied byte for byte (its local
 * record and central-directory header, with the offset moved) and only the changed or added parts
 * are compressed. Format: PKWARE APPNOTE.TXT §4.3 (local file header, central directory, end of
 * central directory record). Archives that need ZIP64 are not handled here (`null`: the caller
 * then rebuilds the whole archive); an .xlsx never comes near 4 GB or 65 535 parts.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const CENTRAL_FIXED = 46;
const END_FIXED = 22;

interface Entry {
  name: string;
  /** Offset of the local file header. */
  local: number;
  /** The entry's central-directory header, as stored. */
  header: Uint8Array;
}

/** The entries of a zip in central-directory order, or null when it is not a plain (non-ZIP64) zip. */
function entriesOf(zip: Uint8Array): { entries: Entry[]; centralStart: number } | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let i = zip.length - END_FIXED; i >= Math.max(0, zip.length - END_FIXED - 0xffff); i--) {
    if (view.getUint32(i, true) === SIG_END) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  const centralStart = view.getUint32(end + 16, true);
  if (count === 0xffff || centralStart === 0xffffffff) return null; // ZIP64
  const entries: Entry[] = [];
  let p = centralStart;
  for (let i = 0; i < count; i++) {
    if (p + CENTRAL_FIXED > zip.length || view.getUint32(p, true) !== SIG_CENTRAL) return null;
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    if (local === 0xffffffff) return null;
    const size = CENTRAL_FIXED + nameLen + extraLen + commentLen;
    entries.push({ name: strFromU8(zip.subarray(p + CENTRAL_FIXED, p + CENTRAL_FIXED + nameLen)), local, header: zip.subarray(p, p + size) });
    p += size;
  }
  return { entries, centralStart };
}

/** Each entry's whole local record (header, data, data descriptor): up to the next record or the central directory. */
function localRecords(zip: Uint8Array, parsed: { entries: Entry[]; centralStart: number }): Map<string, Uint8Array> {
  const sorted = [...parsed.entries].sort((a, b) => a.local - b.local);
  const out = new Map<string, Uint8Array>();
  sorted.forEach((e, i) => out.set(e.name, zip.subarray(e.local, i + 1 < sorted.length ? sorted[i + 1].local : parsed.centralStart)));
  return out;
}

/**
 * A new zip: `zip` with the parts in `parts` replaced (or added, at the end), every other entry
 * copied as stored, the parts in `removed` left out. `level` is the DEFLATE level of the new parts. null when `zip` cannot be
 * handled this way (ZIP64, damaged directory).
 */
export function withParts(zip: Uint8Array, parts: Record<string, Uint8Array>, level: number, removed: ReadonlySet<string> = new Set()): Uint8Array | null {
  const base = entriesOf(zip);
  if (base === null) return null;
  const fresh = zipSync(parts, { level: level as 1 });
  const added = entriesOf(fresh);
  if (added === null) return null;
  const baseRecords = localRecords(zip, base);
  const addedRecords = localRecords(fresh, added);
  const addedByName = new Map(added.entries.map((e) => [e.name, e]));

  // Original order; a replaced part keeps its place, new parts follow.
  const order: { entry: Entry; record: Uint8Array }[] = [];
  for (const e of base.entries) {
    if (removed.has(e.name) && !addedByName.has(e.name)) continue;
    const r = addedByName.get(e.name);
    order.push(r ? { entry: r, record: addedRecords.get(e.name)! } : { entry: e, record: baseRecords.get(e.name)! });
    addedByName.delete(e.name);
  }
  for (const e of added.entries) if (addedByName.has(e.name)) order.push({ entry: e, record: addedRecords.get(e.name)! });

  const recordsSize = order.reduce((n, o) => n + o.record.length, 0);
  const centralSize = order.reduce((n, o) => n + o.entry.header.length, 0);
  if (recordsSize + centralSize + END_FIXED > 0xffffffff || order.length >= 0xffff) return null;
  const out = new Uint8Array(recordsSize + centralSize + END_FIXED);
  const view = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  for (const o of order) {
    offsets.push(p);
    out.set(o.record, p);
    p += o.record.length;
  }
  const centralStart = p;
  order.forEach((o, i) => {
    out.set(o.entry.header, p);
    view.setUint32(p + 42, offsets[i], true);
    p += o.entry.header.length;
  });
  view.setUint32(p, SIG_END, true);
  view.setUint16(p + 8, order.length, true);
  view.setUint16(p + 10, order.length, true);
  view.setUint32(p + 12, centralSize, true);
  view.setUint32(p + 16, centralStart, true);
  return out;
}

/** Read access to the parts of a zip, decompressing only what is read; writes are collected. */
export class ZipParts {
  readonly names = new Set<string>();
  /** Parts set since opening (new or replaced). */
  readonly changed: Record<string, Uint8Array> = {};

  constructor(private readonly zip: Uint8Array) {
    unzipSync(zip, {
      filter: (f) => {
        this.names.add(f.name);
        return false;
      },
    });
  }

  has(name: string): boolean {
    return name in this.changed || this.names.has(name);
  }

  /** A part as text, or undefined when the zip lacks it. */
  text(name: string): string | undefined {
    const set = this.changed[name];
    if (set !== undefined) return strFromU8(set);
    if (!this.names.has(name)) return undefined;
    return strFromU8(unzipSync(this.zip, { filter: (f) => f.name === name })[name]);
  }

  set(name: string, text: string): void {
    this.changed[name] = strToU8(text);
  }

  /** The zip with the changes: untouched parts copied as stored (see withParts). */
  save(level: number, removed: ReadonlySet<string> = new Set()): Uint8Array {
    if (Object.keys(this.changed).length === 0 && removed.size === 0) return this.zip;
    const copied = withParts(this.zip, this.changed, level, removed);
    if (copied !== null) return copied;
    // Not a zip withParts can copy: decompress everything and rebuild.
    const all: Record<string, Uint8Array> = { ...unzipSync(this.zip), ...this.changed };
    for (const name of removed) if (!(name in this.changed)) delete all[name];
    return zipSync(all, { level: level as 1 });
  }
}
