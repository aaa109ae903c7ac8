/**
 * What jsdom lacks and the pane needs, for the pane tests: ResizeObserver (Fluent's TabList and
 * MessageBar observe their size; layout is not under test) and TextEncoder/TextDecoder (browsers have
 * them; the docx writer uses them). Importing this module installs them.
 */
import { TextDecoder, TextEncoder } from "util";

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;
Object.assign(globalThis, { TextEncoder: globalThis.TextEncoder ?? TextEncoder, TextDecoder: globalThis.TextDecoder ?? TextDecoder });
