/**
 * The global objects WPS puts into the pages of a 加载项 (index.html, task panes, dialogs):
 * `window.Application` (also `window.wps`), which is the ET Application plus the add-in root
 * (CreateTaskPane, GetTaskPane, PluginStorage, ribbonUI). Absent in a plain browser.
 */
import type { EtApplication } from "../hosts/wps";

export interface WpsTaskPane {
  readonly ID: number;
  Visible: boolean;
  DockPosition: number;
}

export interface WpsAddinRoot extends EtApplication {
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane;
  readonly PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
}

/** window.Application in a WPS page, null elsewhere. */
export function wpsApplication(win: object = globalThis): WpsAddinRoot | null {
  const w = win as { Application?: unknown; wps?: unknown };
  const app = w.Application ?? w.wps;
  return app && typeof app === "object" ? (app as WpsAddinRoot) : null;
}

/** The folder of the current page ("…/junheng_0.1.0"), where the add-in's other pages are. */
export function addinBase(href: string): string {
  const url = href.split(/[?#]/)[0];
  return url.slice(0, url.lastIndexOf("/"));
}
