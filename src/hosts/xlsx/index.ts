/** The .xlsx package host (command line and browser page). */
export { XlsxHost, NotXlsxError } from "./host";
export type { Deflate } from "./zip";
