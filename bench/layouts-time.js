/**
 * The timing half of bench/layouts.bench.ts, in plain JavaScript so that it runs in a bare Node
 * process (no tsx loader, which would also transform the compiled modules it loads): reads the
 * two files of the directory given, each once untimed, then RUNS alternating timed runs (which
 * goes first alternates too), each after a full collection (--expose-gc), and prints the runs as
 * JSON. Usage: node --expose-gc bench/layouts-time.js DIR RUNS
 */
"use strict";
const { readFileSync } = require("fs");
const { join } = require("path");
const { XlsxHost } = require("../dist/node/hosts/xlsx/index.js");
const { readHost } = require("../dist/node/workbook/run.js");

async function measure(bytes) {
  let t = performance.now();
  const host = await XlsxHost.load(bytes);
  const load = performance.now() - t;
  t = performance.now();
  const r = await readHost(host);
  return { load, read: performance.now() - t, schools: r.dataset.schools.length, kind: r.layout.kind };
}

async function main(dir, runsWanted) {
  const bytes = {
    template: new Uint8Array(readFileSync(join(dir, "template.xlsx"))),
    export: new Uint8Array(readFileSync(join(dir, "export.xlsx"))),
  };
  await measure(bytes.template);
  await measure(bytes.export);
  const runs = { template: [], export: [] };
  const gc = globalThis.gc ?? (() => undefined);
  for (let i = 0; i < runsWanted; i++) {
    for (const k of i % 2 === 0 ? ["template", "export"] : ["export", "template"]) {
      gc();
      runs[k].push(await measure(bytes[k]));
    }
  }
  process.stdout.write(JSON.stringify(runs));
}

main(process.argv[2], Number(process.argv[3] ?? 30)).catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
