/**
 * `@gongzhi/cli/browser`: the parts of the CLI that run in a web page or a mini-program —
 * sheets of cells and CSV ({@link Table}) and report rendering to HTML, Markdown and sheets
 * ({@link Report}) — without Node's built-ins or exceljs.
 *
 * @packageDocumentation
 * @since 0.2.0
 */
export * as Report from "./Report.js"
export * as Table from "./Table.js"
