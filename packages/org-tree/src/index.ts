/**
 * `@gongzhi/org-tree`: the organisation of a community grand party committee (社区大党委) —
 * org units of every level, the grids, buildings and entrances they cover, people, member
 * units and positions with terms; built from flat rows, validated against a county's policy,
 * queried, rolled up, changed and exported.
 *
 * @packageDocumentation
 * @since 0.1.0
 */
export * as Change from "./Change.js"
export * as Fixtures from "./Fixtures.js"
export * as Kind from "./Kind.js"
export * as Messages from "./Messages.js"
export * as OrgPolicy from "./OrgPolicy.js"
export * as OrgRows from "./OrgRows.js"
export * as OrgTree from "./OrgTree.js"
export * as Presets from "./presets/Presets.js"
export * as Query from "./Query.js"
export * as Render from "./Render.js"
export * as Rollup from "./Rollup.js"
export * as Roster from "./Roster.js"
export * as Validation from "./Validation.js"
