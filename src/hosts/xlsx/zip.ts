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

/** A raw DEFLATE compressor (RFC 1951), e.g. Node's zlib.deflateRawSync; the default is fflate's. */
export type Deflate = (data: Uint8Array) => Uint8Array;

/**
 * The parts as a zip compressed by `deflate`: fflate writes them stored (and computes the CRCs),
 * then each entry's data is replaced by its compressed form, method 8, sizes updated.
 */
function zipWith(parts: Record<string, Uint8Array>, deflate: Deflate): Uint8Array | null {
  const stored = zipSync(parts, { level: 0 });
  const list = entriesOf(stored);
  if (list === null) return null;
  const view = new DataView(stored.buffer, stored.byteOffset, stored.byteLength);
  const records: Uint8Array[] = [];
  const headers: Uint8Array[] = [];
  for (const e of list.entries) {
    const headLen = 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true);
    const size = view.getUint32(e.local + 18, true);
    const data = deflate(stored.subarray(e.local + headLen, e.local + headLen + size));
    const record = new Uint8Array(headLen + data.length);
    record.set(stored.subarray(e.local, e.local + headLen));
    record.set(data, headLen);
    const rv = new DataView(record.buffer);
    rv.setUint16(4, 20, true);
    rv.setUint16(8, 8, true);
    rv.setUint32(18, data.length, true);
    const header = e.header.slice();
    const hv = new DataView(header.buffer);
    hv.setUint16(6, 20, true);
    hv.setUint16(10, 8, true);
    hv.setUint32(20, data.length, true);
    records.push(record);
    headers.push(header);
  }
  return assemble(records, headers);
}

/** A zip from local records and their central headers (offsets set here). */
function assemble(records: Uint8Array[], headers: Uint8Array[]): Uint8Array | null {
  const recordsSize = records.reduce((n, r) => n + r.length, 0);
  const centralSize = headers.reduce((n, h) => n + h.length, 0);
  if (recordsSize + centralSize + END_FIXED > 0xffffffff || records.length >= 0xffff) return null;
  const out = new Uint8Array(recordsSize + centralSize + END_FIXED);
  const view = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  for (const r of records) {
    offsets.push(p);
    out.set(r, p);
    p += r.length;
  }
  const centralStart = p;
  headers.forEach((h, i) => {
    out.set(h, p);
    view.setUint32(p + 42, offsets[i], true);
    p += h.length;
  });
  view.setUint32(p, SIG_END, true);
  view.setUint16(p + 8, records.length, true);
  view.setUint16(p + 10, records.length, true);
  view.setUint32(p + 12, centralSize, true);
  view.setUint32(p + 16, centralStart, true);
  return out;
}

/**
 * A new zip: `zip` with the parts in `parts` replaced (or added, at the end), every other entry
 * copied as stored, the parts in `removed` left out. `level` is the DEFLATE level of the new parts. null when `zip` cannot be
 * handled this way (ZIP64, damaged directory).
 */
export function withParts(zip: Uint8Array, parts: Record<string, Uint8Array>, level: number, removed: ReadonlySet<string> = new Set(), deflate?: Deflate): Uint8Array | null {
  const base = entriesOf(zip);
  if (base === null) return null;
  const fresh = deflate ? zipWith(parts, deflate) : zipSync(parts, { level: level as 1 });
  if (fresh === null) return null;
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

  return assemble(
    order.map((o) => o.record),
    order.map((o) => o.entry.header),
  );
}

/**
 * Read access to the parts of a zip, decompressing only what is read (each part once: its text is
 * kept); writes are collected as text and encoded when saving.
 */
export class ZipParts {
  readonly names = new Set<string>();
  /** Parts set since opening (new or replaced), as text. */
  private readonly changedTexts = new Map<string, string>();
  private readonly read = new Map<string, string>();

  constructor(private readonly zip: Uint8Array) {
    unzipSync(zip, {
      filter: (f) => {
        this.names.add(f.name);
        return false;
      },
    });
  }

  has(name: string): boolean {
    return this.changedTexts.has(name) || this.names.has(name);
  }

  /** True when the part was set since opening. */
  isChanged(name: string): boolean {
    return this.changedTexts.has(name);
  }

  /** A part as text, or undefined when the zip lacks it. */
  text(name: string): string | undefined {
    const set = this.changedTexts.get(name);
    if (set !== undefined) return set;
    if (!this.names.has(name)) return undefined;
    let text = this.read.get(name);
    if (text === undefined) {
      text = strFromU8(unzipSync(this.zip, { filter: (f) => f.name === name })[name]);
      this.read.set(name, text);
    }
    return text;
  }

  set(name: string, text: string): void {
    this.changedTexts.set(name, text);
    this.read.delete(name);
  }

  /** Forgets a change (the part is as stored again). */
  unset(name: string): void {
    this.changedTexts.delete(name);
  }

  /** The zip with the changes: untouched parts copied as stored (see withParts). */
  save(level: number, removed: ReadonlySet<string> = new Set(), deflate?: Deflate): Uint8Array {
    if (this.changedTexts.size === 0 && removed.size === 0) return this.zip;
    const changed: Record<string, Uint8Array> = {};
    for (const [name, text] of this.changedTexts) changed[name] = strToU8(text);
    const copied = withParts(this.zip, changed, level, removed, deflate);
    if (copied !== null) return copied;
    // Not a zip withParts can copy: decompress everything and rebuild.
    const all: Record<string, Uint8Array> = { ...unzipSync(this.zip), ...changed };
    for (const name of removed) if (!(name in changed)) delete all[name];
    return zipSync(all, { level: level as 1 });
  }
}
