/**
 * Build of the add-in pages, after Microsoft's Office-Addin-TaskPane-React template:
 *
 * - taskpane: src/taskpane/index.tsx → dist/taskpane.html (+ JS chunks, the engine's Web Worker,
 *   the sample workbook as an asset); commands: src/commands/commands.ts → dist/commands.html.
 * - assets/ and manifest.xml are copied to dist/. In production the manifest's
 *   https://localhost:3000/ URLs are rewritten to ADDIN_BASE_URL (an intranet address, https):
 *     ADDIN_BASE_URL=https://edu.example.gov.cn/junheng/ npm run build
 * - production: content hashes, split chunks, lazy chunks (the Office host is loaded on demand).
 * - dev server: https://localhost:3000 with office-addin-dev-certs' certificate when it is installed
 *   (~/.office-addin-dev-certs), else webpack-dev-server's own self-signed certificate.
 *   `DEV_SERVER_HTTP=1` serves plain http (used by scripts/start.js on Linux for the web mode).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { rewriteManifest, normaliseBaseUrl } = require("./scripts/manifest-tools");
const { swcRules } = require("./scripts/lib/swc-rules");

const DEV_PORT = Number(process.env.PORT || 3000);

/** Microsoft's CDN, the default and what Microsoft requires for add-ins in AppSource. */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/**
 * `OFFICE_JS=local`: office.js served beside the pane from the @microsoft/office-js package (copied to
 * dist/office-js/), for 政务内网 deployments without access to the CDN. Internal deployment only:
 * Microsoft supports local copies of office.js for internal use, not for published add-ins
 * (docs/addin.md). Only what Excel needs is copied: office.js, its file table, the Excel host scripts
 * (non-debug), the zh-CN and en-US strings and the telemetry scripts office.js loads.
 */
const OFFICE_JS_LOCAL_DIR = "office-js";
function officeJsFileWanted(rel) {
  const f = rel.split(path.sep).join("/");
  return (
    ["office.js", "o15apptofilemappingtable.js", "es6-promise.js"].includes(f) ||
    /^excel-[a-z0-9]+-16\.\d\d(-core)?\.js$/.test(f) ||
    /^(zh-cn|en-us|telemetry|ariatelemetry|agaveerrorux)\/(?!.*\.debug\.js$)/.test(f)
  );
}

/**
 * The oldest webview that runs the bundle: EdgeHTML 18 (Office 2019 retail, older Microsoft 365 builds
 * on Windows 10). Trident (IE 11, ES5) cannot; taskpane.html's start-up script tells those users
 * what to use instead (docs/addin.md, support matrix).
 */
const BROWSER_TARGETS = "edge 18";

/**
 * core-js modules that swc's usage detection adds although nothing here can call them: the ES2024+
 * additions (iterator helpers, the new Set methods, ArrayBuffer transfer, the newer typed-array
 * methods), which it adds for every `.map(` or `.at(` because it cannot tell an iterator or a typed
 * array from an array. Our code cannot use them (tsconfig's lib is ES2020) and the vendor code is
 * written for browsers without them. Leaving them out keeps about 20 KB (gzipped) out of the pane.
 */
const NOT_CALLED = fs
  .readdirSync(path.join(path.dirname(require.resolve("core-js/package.json")), "modules"))
  .map((f) => f.replace(/\.js$/, ""))
  .filter((m) => /^es\.(iterator|array-buffer|typed-array)\./.test(m) || /^es\.set\..*\.v2$/.test(m));

/** The certificate office-addin-dev-certs installs (no sudo needed to read it), if present. */
function devCertificate() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { ca: "ca.crt", key: "localhost.key", cert: "localhost.crt" };
  const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)]));
  if (!Object.values(paths).every((p) => fs.existsSync(p))) return null;
  return Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, fs.readFileSync(p)]));
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const baseUrl = process.env.ADDIN_BASE_URL ? normaliseBaseUrl(process.env.ADDIN_BASE_URL) : null;
  if (!dev && !baseUrl && !env.WEBPACK_SERVE)
    console.warn("提示：未设置 ADDIN_BASE_URL，dist/manifest.xml 仍指向 https://localhost:3000/（仅供本机调试）。");

  const officeJsLocal = process.env.OFFICE_JS === "local";
  const officeJsUrl = officeJsLocal ? `${OFFICE_JS_LOCAL_DIR}/office.js` : OFFICE_JS_CDN;
  const officeJsDir = officeJsLocal ? path.dirname(require.resolve("@microsoft/office-js/dist/office.js")) : null;
  // The ES5 start-up check, inlined into both pages (it must run where the bundles cannot).
  const startupCheck = fs.readFileSync(path.join(__dirname, "src/taskpane/startup-check.js"), "utf8").replace(/<\/script/gi, "<\\/script");

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "eval-source-map" : "source-map",
    // "es2017" tells webpack's runtime and Terser not to emit newer syntax than the loaders do.
    target: ["web", "es2017"],
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].chunk.js",
      assetModuleFilename: dev ? "assets/[name][ext]" : "assets/[name].[contenthash:8][ext]",
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      // Node built-ins have no place in the pane (exceljs uses its browser build).
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false },
    },
    module: {
      rules: [
        // Our TypeScript and every vendor module go through swc down to what EdgeHTML 18 parses
        // (ES2017, no object spread, no ?. or ??, no class fields), with core-js polyfills injected
        // where the code uses an API that EdgeHTML 18 lacks (scripts/lib/swc-rules.js).
        ...swcRules(BROWSER_TARGETS, NOT_CALLED),
        { test: /\.(png|jpe?g|gif|ico|xlsx)$/i, type: "asset/resource" },
      ],
    },
    optimization: dev
      ? {}
      : {
          splitChunks: { chunks: "all", cacheGroups: { vendor: { test: /[\\/]node_modules[\\/]/, name: "vendor", chunks: "initial", priority: -10 } } },
          runtimeChunk: false,
        },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { startupCheck, officeJsUrl },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters: { startupCheck, officeJsUrl },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", globOptions: { ignore: ["**/.*"] } },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (baseUrl && !dev ? rewriteManifest(content.toString(), baseUrl) : content),
          },
          // Copied as Microsoft ships them: `minimized` keeps Terser off these files.
          ...(officeJsLocal
            ? [{ from: officeJsDir, to: OFFICE_JS_LOCAL_DIR, filter: (file) => officeJsFileWanted(path.relative(officeJsDir, file)), info: { minimized: true } }]
            : []),
        ],
      }),
    ],
    devServer: {
      host: process.env.DEV_SERVER_HOST || "localhost",
      port: DEV_PORT,
      hot: false,
      liveReload: false,
      client: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      server: process.env.DEV_SERVER_HTTP ? { type: "http" } : { type: "https", options: devCertificate() || {} },
    },
  };
};
