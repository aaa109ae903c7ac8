/** The WPS 表格 host: WpsHost (WorkbookHost over the ET object model) and its ET types. */
export { WpsHost, WpsHostError, sheetNamesOf } from "./wpsHost";
export { bgr, member, XL, type EtApplication } from "./et";
