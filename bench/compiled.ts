/**
 * The product code as the command line ships it: dist/node, compiled by tsc (`npm run bench` runs
 * `npm run build:cli` first). Benchmarks load it from there rather than running the TypeScript
 * sources through tsx, whose CommonJS interop turns every imported binding into a getter call and
 * whose keep-names helper runs on every closure.
 */
import { existsSync, readdirSync, statSync } from "fs";
import { join } from "path";

export const ROOT = join(__dirname, "..");

/** Newest modification time of any file below `dir`. */
function newest(dir: string): number {
  return Math.max(...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
}

/**
 * The compiled module `dist/node/<module>.js`, after checking it is not older than the sources it
 * is built from (`src/<dir>` for each of `sources`).
 */
export function compiledModule<T>(module: string, sources: string[]): T {
  const built = join(ROOT, "dist/node", `${module}.js`);
  const source = Math.max(...sources.map((d) => newest(join(ROOT, "src", d))));
  if (!existsSync(built) || statSync(built).mtimeMs < source) {
    throw new Error(`dist/node is missing or older than src: run \`npm run build:cli\` (npm run bench does it)`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(built) as T;
}
