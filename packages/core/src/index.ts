/**
 * `@gongzhi/core`: the shared kernel of gongzhi (共治).
 *
 * @packageDocumentation
 * @since 0.1.0
 */
export * as CivilDate from "./CivilDate.js"
export * as Document from "./Document.js"
export * as Fen from "./Fen.js"
export * as Id from "./Id.js"
export * as Instant from "./Instant.js"
export * as Issue from "./Issue.js"
export * as KeyIndex from "./KeyIndex.js"
export * as Label from "./Label.js"
export * as Period from "./Period.js"
export * as Points from "./Points.js"
export * as Random from "./Random.js"
export * as Redaction from "./Redaction.js"
export * as ValidationReport from "./ValidationReport.js"
