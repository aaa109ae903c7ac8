#!/usr/bin/env node
/**
 * Writes the add-in icons assets/icon-{16,32,64,80}.png: a green rounded square with a white
 * balance (beam, post and two pans) — 均衡. Pure JavaScript PNG encoder (zlib from Node),
 * 4×4 supersampling for smooth edges. Deterministic: the same bytes on every run.
 *
 *   node scripts/make-icons.js
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const GREEN = [0x1f, 0x7a, 0x5a];
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** RGBA pixels (Uint8Array, row-major) → PNG bytes. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

/** Shape test in unit coordinates (0..1): 0 outside, 1 background, 2 mark. */
function shapeAt(x, y) {
  const r = 0.18; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return 0;
  const beam = y > 0.3 && y < 0.38 && x > 0.16 && x < 0.84;
  const post = x > 0.46 && x < 0.54 && y > 0.3 && y < 0.78;
  const base = y > 0.74 && y < 0.82 && x > 0.32 && x < 0.68;
  const pan = (px) => y > 0.5 && y < 0.58 && Math.abs(x - px) < 0.14 - (0.58 - y) * 0.5;
  const string = (px) => y >= 0.38 && y <= 0.5 && Math.abs(x - px) < 0.025 + (y - 0.38) * 0.9 && Math.abs(x - px) > (y - 0.38) * 0.9 - 0.025;
  return beam || post || base || pan(0.27) || pan(0.73) || string(0.27) || string(0.73) ? 2 : 1;
}

function render(size) {
  const S = 4;
  const px = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let bg = 0, mark = 0;
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const s = shapeAt((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size);
          if (s === 1) bg++;
          else if (s === 2) mark++;
        }
      const cover = (bg + mark) / (S * S);
      const i = (y * size + x) * 4;
      const m = bg + mark ? mark / (bg + mark) : 0;
      for (let k = 0; k < 3; k++) px[i + k] = Math.round(GREEN[k] * (1 - m) + WHITE[k] * m);
      px[i + 3] = Math.round(cover * 255);
    }
  return encodePng(size, size, px);
}

if (require.main === module) {
  const dir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, render(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

module.exports = { encodePng, render, SIZES };
