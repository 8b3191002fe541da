/**
 * `@gongzhi/cli`: the `gongzhi` command and the building blocks it is made of (tables in
 * and out, reports, progress bars), usable from a host's own scripts.
 *
 * @packageDocumentation
 * @since 0.1.0
 */
export * as Cli from "./Cli.js"
export * as CountyReport from "./CountyReport.js"
export * as InputsTable from "./InputsTable.js"
export * as Io from "./Io.js"
export * as JournalFile from "./JournalFile.js"
export * as Main from "./Main.js"
export * as Progress from "./Progress.js"
export * as Registry from "./Registry.js"
export * as Report from "./Report.js"
export * as Table from "./Table.js"
export * as Workbook from "./Workbook.js"
