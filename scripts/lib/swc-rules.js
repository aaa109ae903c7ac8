"use strict";
/**
 * The swc-loader rules both builds share (webpack.config.js for Office, webpack.wps.config.js for
 * WPS): our TypeScript and every vendor module are lowered to `targets`, with core-js polyfills
 * injected where the code uses an API those engines lack (less the `exclude`d core-js modules).
 * core-js and swc's helpers are what the transform injects; they are written for old engines and
 * are not transformed again.
 */

/** swc-loader options for one syntax ("typescript" for our sources, "ecmascript" for vendor code). */
function swcOptions(syntax, targets, exclude) {
  return {
    // "unknown": a CommonJS vendor file stays CommonJS (polyfills and helpers come in by require).
    isModule: syntax === "typescript" ? true : "unknown",
    jsc: {
      parser: syntax === "typescript" ? { syntax, tsx: true } : { syntax },
      transform: syntax === "typescript" ? { react: { runtime: "automatic" }, useDefineForClassFields: false } : {},
      externalHelpers: true,
    },
    env: { targets, mode: "usage", coreJs: require("core-js/package.json").version, ...(exclude ? { exclude } : {}) },
    sourceMaps: true,
  };
}

/** The two module rules: TypeScript sources, and JavaScript under node_modules. */
function swcRules(targets, exclude) {
  return [
    { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "swc-loader", options: swcOptions("typescript", targets, exclude) } },
    {
      test: /\.[cm]?js$/,
      include: /node_modules/,
      exclude: /node_modules[\\/](core-js|@swc[\\/]helpers)[\\/]/,
      use: { loader: "swc-loader", options: swcOptions("ecmascript", targets, exclude) },
    },
  ];
}

module.exports = { swcRules };
