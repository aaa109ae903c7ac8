/*
 * Start-up check of taskpane.html and commands.html, inlined into both pages by the build (webpack.config.js).
 * Plain ES5 on purpose: it must run where the bundles cannot, above all in Trident (the Internet
 * Explorer 11 webview of Office 2016/2019 volume-licensed, Office 2013 and old Microsoft 365 builds).
 * The bundles need EdgeHTML 18 or newer (ES2017); this script tests for that before they run:
 * - not Trident (Microsoft: detect it from navigator.userAgent);
 * - the syntax the bundles use (async functions, classes, arrow functions, for…of, template strings),
 *   compiled with new Function so that a failure is caught here and is not a parse error of this script;
 * - the built-ins they use without a polyfill (Promise, Map, Set, WeakMap, Symbol, Proxy, Reflect,
 *   Object.entries/values, Array.prototype.includes, String.prototype.padStart, Worker, URL).
 * Where one fails it sets window.junhengCompat.supported = false (the bundles then do nothing), shows in
 * Chinese what works instead, and on commands.html registers the ribbon's runAssessment so that 「评估」
 * opens a dialog with the same message instead of doing nothing.
 */
(function () {
  var ua = (window.navigator && navigator.userAgent) || "";
  var trident = /Trident\/|MSIE /.test(ua);

  function hasSyntax() {
    try {
      // eslint-disable-next-line no-new-func
      new Function("async function a(b) { for (const c of b) { await c; } } class D { e() { return `${1}`; } } let f = (...g) => g; return [a, D, f];");
      return true;
    } catch (e) {
      return false;
    }
  }

  function hasBuiltIns() {
    var w = window;
    return (
      typeof w.Promise === "function" &&
      typeof w.Map === "function" &&
      typeof w.Set === "function" &&
      typeof w.WeakMap === "function" &&
      typeof w.Symbol === "function" &&
      typeof w.Proxy === "function" &&
      typeof w.Reflect === "object" &&
      typeof Object.entries === "function" &&
      typeof Object.values === "function" &&
      typeof Array.prototype.includes === "function" &&
      typeof String.prototype.padStart === "function" &&
      typeof w.Worker === "function" &&
      typeof w.URL === "function"
    );
  }

  var supported = !trident && hasSyntax() && hasBuiltIns();
  var compat = (window.junhengCompat = { supported: supported, trident: trident });
  if (supported) return;
  // Office (old hosts) expects the page to assign Office.initialize; the bundle that would do it cannot run.
  if (window.Office && !Office.initialize) Office.initialize = function () {};

  /** The pane's own address (this product's 网页版), without the query Office adds. */
  function webVersionUrl() {
    var path = location.pathname.replace(/commands\.html$/i, "taskpane.html");
    return location.protocol + "//" + location.host + path;
  }

  var TITLE = "此版本的 Excel 无法运行优质均衡评估助手";

  function reason() {
    return trident
      ? "本机的 Excel 用 Internet Explorer 11 内核显示加载项（Office 2016/2019 批量许可版、Office 2013 和较早的 Microsoft 365 都是如此），本工具无法在其中运行。"
      : "显示本页的浏览器内核版本过旧，本工具无法在其中运行。";
  }

  /** What works instead, one line each. */
  function alternatives() {
    return [
      "改用 Microsoft 365 或 Office 2021 及以上版本的 Excel（Windows 10 上需装有 Microsoft Edge WebView2 运行时）。",
      "改用 Excel 网页版：在 Edge、Chrome 等当前版本的浏览器中打开工作簿，再从「加载项」中添加本工具。",
      "改用本工具的网页版：用当前版本的浏览器（Edge、Chrome、Firefox 或 360 等浏览器的极速模式）打开 " +
        webVersionUrl() +
        " ，选择 .xlsx 工作簿即可评估，学校数据只在本机处理。",
      "使用 WPS 表格的单位：把工作簿保存为 .xlsx，再用上面的网页版评估，结果文件可用 WPS 打开。",
    ];
  }

  compat.title = TITLE;
  compat.message = function () {
    return TITLE + "。" + reason() + "\n" + alternatives().join("\n");
  };

  function el(tag, text, css) {
    var e = document.createElement(tag);
    if (text) e.appendChild(document.createTextNode(text));
    if (css) e.style.cssText = css;
    return e;
  }

  /** Replaces the page's content by the message (and a 关闭 button in an Office dialog). */
  function render(withClose) {
    var box = el("div", null, "font: 14px 'Microsoft YaHei','PingFang SC',sans-serif; padding: 12px 16px; line-height: 1.6; color: #242424;");
    box.setAttribute("role", "alert");
    box.id = "unsupported";
    box.appendChild(el("h1", TITLE, "font-size: 16px; margin: 0 0 8px;"));
    box.appendChild(el("p", reason(), "margin: 0 0 8px;"));
    box.appendChild(el("p", "可以改用以下任一方式：", "margin: 0 0 4px;"));
    var list = el("ol", null, "margin: 0; padding-left: 20px;");
    var items = alternatives();
    for (var i = 0; i < items.length; i++) list.appendChild(el("li", items[i], "margin-bottom: 4px;"));
    box.appendChild(list);
    if (withClose) {
      var button = el("button", "关闭", "margin-top: 12px;");
      button.onclick = function () {
        try {
          Office.context.ui.messageParent("close");
        } catch (e) {
          window.close();
        }
      };
      box.appendChild(button);
    }
    var container = document.getElementById("container") || document.body;
    while (container.firstChild) container.removeChild(container.firstChild);
    container.appendChild(box);
  }

  var isCommands = /commands\.html$/i.test(location.pathname);
  var isDialog = /[?&](message|unsupported)=/.test(location.search);

  /**
   * The ribbon's 「评估」 under an engine that cannot run the bundle: open this page as a dialog
   * (it shows the message there) and complete the event when it is closed.
   */
  function runAssessment(event) {
    var done = false;
    function complete() {
      if (done) return;
      done = true;
      try {
        event.completed();
      } catch (e) {}
    }
    try {
      var url = location.protocol + "//" + location.host + location.pathname + "?unsupported=1";
      Office.context.ui.displayDialogAsync(url, { height: 50, width: 40, displayInIframe: true }, function (result) {
        if (result.status !== "succeeded") return complete();
        var dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, function () {
          try {
            dialog.close();
          } finally {
            complete();
          }
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, complete);
      });
    } catch (e) {
      complete();
    }
  }

  if (isCommands && !isDialog) {
    // Older hosts look the manifest's FunctionName up as a global; newer office.js also has associate.
    window.runAssessment = runAssessment;
    compat.runAssessment = runAssessment;
    var associate = function () {
      try {
        if (window.Office && Office.actions && typeof Office.actions.associate === "function") Office.actions.associate("runAssessment", runAssessment);
      } catch (e) {}
    };
    if (window.Office) associate();
  }

  var show = function () {
    if (!isCommands || isDialog) render(isCommands || /[?&]dialog=/.test(location.search));
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();
