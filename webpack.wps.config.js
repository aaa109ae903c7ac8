/**
 * Build of the WPS 加载项 (WPS 表格): `npm run build` runs it after the Office build; output dist/wps/.
 *
 *   dist/wps/index.html    the add-in's main page: WPS loads it at start and calls the ribbon
 *                          callbacks (src/wps/ribbon.ts, one blocking script, no chunks)
 *   dist/wps/taskpane.html the task pane: the same React app as in Excel (src/wps/taskpane.tsx),
 *                          with its lazy chunks and the engine's Web Worker
 *   dist/wps/ribbon.xml    the 「优质均衡」 tab (copied as is: it must not start with an XML declaration)
 *   dist/wps/images/       the buttons' icons
 *
 * The WPS webview is an older embedded Chromium: every script, vendor code included, is lowered
 * to ES2017 by swc with core-js polyfills where code uses newer built-ins (BROWSER_TARGETS).
 * Relative URLs only (publicPath ""), so the same files work online (served over http) and
 * offline (unpacked into the jsaddons folder). `npm run package:wps` packs them (scripts/package-wps.js).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { swcRules } = require("./scripts/lib/swc-rules");

/** ES2017 engines: async/await yes; object spread, ?., ??, class fields no. */
const BROWSER_TARGETS = "chrome 58";

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "eval-source-map" : "source-map",
    target: ["web", "es2017"],
    entry: {
      ribbon: "./src/wps/ribbon.ts",
      taskpane: "./src/wps/taskpane.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist", "wps"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].chunk.js",
      assetModuleFilename: "assets/[name].[contenthash:8][ext]",
      publicPath: "",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false },
    },
    module: {
      rules: [
        ...swcRules(BROWSER_TARGETS),
        { test: /\.(png|jpe?g|gif|ico|xlsx)$/i, type: "asset/resource" },
      ],
    },
    optimization: dev ? {} : { splitChunks: { chunks: "async" }, runtimeChunk: false },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/wps/index.html", chunks: ["ribbon"], scriptLoading: "blocking", inject: "head" }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/wps/taskpane.html", chunks: ["taskpane"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/wps/ribbon.xml", to: "ribbon.xml" },
          { from: "src/wps/images", to: "images" },
        ],
      }),
    ],
  };
};
