/** The exceljs host (command line and browser page). */
export { XlsxHost, NotXlsxError } from "./host";
