/** @jest-environment jsdom */
/**
 * The WPS task pane page's own entry (src/wps/taskpane.tsx) in jsdom with the fake ET as
 * `window.Application`: it renders the same App, and 评估 assesses the open workbook (the pane's
 * back end in the page, as createEngine does where no Worker can start).
 */
import { screen, fireEvent, configure } from "@testing-library/react";
import { FakeEt } from "../fakes/fakeEt";
import { countyBook } from "./helpers";

// createEngine starts a Worker from import.meta.url (bundle only); here the same back end runs in the page.
jest.mock("../../src/taskpane/createEngine", () => ({
  createEngine: async () => new (jest.requireActual("../../src/taskpane/engineService") as typeof import("../../src/taskpane/engineService")).EngineService(),
}));

configure({ asyncUtilTimeout: 20000 });
// Fluent's TabList and MessageBar observe their size; jsdom has no ResizeObserver and layout is not under test.
Object.assign(window, { ResizeObserver: (window as { ResizeObserver?: unknown }).ResizeObserver ?? class { observe() {} unobserve() {} disconnect() {} } });

test("inside WPS the pane renders the App and 评估 writes the results into the open workbook", async () => {
  const book = countyBook(12, { seed: 3 });
  (window as unknown as { Application: unknown }).Application = new FakeEt(book).app;
  document.body.innerHTML = '<div id="container"></div>';
  await import("../../src/wps/taskpane");
  expect(document.documentElement.dataset.mode).toBe("wps");
  fireEvent.click(await screen.findByRole("button", { name: "评估" }));
  await screen.findByTestId("overview", {}, { timeout: 30000 });
  expect(screen.getByTestId("message").textContent).toContain("评估完成：12 所学校");
  expect(book.find("评估汇总")).toBeDefined();
}, 60000);
