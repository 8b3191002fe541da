import { Period, Redaction } from "@gongzhi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { Agreement, Fulfilment, Lifecycle, MicroWish, Presets, Template, ThreeLists, Whistle } from "../src/index.js"
import { agreement, codesOf, mingquan } from "./fixtures.js"

const template = Presets.standardTemplate
const reportingTo = (to: string, extra: Record<string, unknown> = {}) =>
  Template.issues(agreement({ reporting: [{ frequency: "quarterly", to, form: "written", ...extra }] }), template)
    .map((i) => i.code)

describe("issue 16", () => {
  describe("the template's reporting duty is matched by role, not by text", () => {
    it("a report to 城关街道党工委 (or 街道大工委, 党工委) meets a duty to 街道工委", () => {
      for (
        const to of ["街道工委", "城关街道党工委", "城关街道 党工委", "街道大工委", "党工委",
          "Street Working Committee"]
      ) {
        expect(reportingTo(to), to).toEqual([])
      }
      expect(reportingTo("社区大党委")).toEqual(["AGREEMENT_TEMPLATE_REPORTING_MISSING"])
      expect(reportingTo("某物业公司")).toEqual(["AGREEMENT_TEMPLATE_REPORTING_MISSING"])
    })
    it("an explicit recipient role wins over the text, and unknown bodies compare by their text", () => {
      expect(reportingTo("城关办事处", { recipient: "street-working-committee" })).toEqual([])
      const custom = {
        ...template,
        reporting: [{ frequency: "yearly" as const, to: "县 文明办", form: "written" as const }]
      }
      const a = (to: string) =>
        Template.issues(agreement({ reporting: [{ frequency: "yearly", to, form: "written" }] }), custom).map((i) =>
          i.code
        )
      expect(a("县文明办")).toEqual([])
      expect(a("市文明办")).toEqual(["AGREEMENT_TEMPLATE_REPORTING_MISSING"])
    })
    it("reads the role of a body's name", () => {
      expect(Agreement.recipientOf("区委组织部")).toBe("organisation-department")
      expect(Agreement.recipientOf("社区党委")).toBe("grand-committee")
      expect(Agreement.recipientOf("上级主管部门")).toBe("supervising-department")
      expect(Agreement.recipientOf(42 as unknown as string)).toBeUndefined()
    })
  })

  describe("lookups by a name from input use own keys only", () => {
    it("Lifecycle.allows answers false for actions that are not its own", () => {
      for (const action of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
        expect(Lifecycle.allows("active", action as Lifecycle.Action)).toBe(false)
      }
      expect(Lifecycle.allows("active", "suspend")).toBe(true)
    })
    it("a history with an event that is not one gives a failure, not a throw", () => {
      const [record] = mingquan().records
      for (const tag of ["constructor", "__proto__", "toString", 7]) {
        const history = [...record!.history.slice(0, 2), { _tag: tag, on: "2024-06-01" }]
        const result = Lifecycle.replay(history as unknown as ReadonlyArray<Lifecycle.Event>)
        expect(codesOf(result)).toEqual(["AGREEMENT_HISTORY_INVALID"])
        expect(Result.isFailure(result) ? result.failure.issues[0]!.path : []).toEqual(["history", 2, "_tag"])
      }
      expect(Lifecycle.statusOn(
        { ...record!, history: [...record!.history, { _tag: "constructor", on: "2024-01-01" } as never] },
        "2030-01-01" as never
      )).toBeDefined()
    })
    it("a history that is not a list, holds null or cannot be read gives a failure, not a throw (pnpm fuzz)", () => {
      const boom = () => {
        throw new Error("boom")
      }
      const [record] = mingquan().records
      const histories: ReadonlyArray<unknown> = [null, undefined, 7, "Drafted", {}, [null], [7], [undefined],
        new Proxy([], { get: boom }), [...record!.history.slice(0, 1), new Proxy({}, { get: boom })],
        Object.defineProperty([], 0, { get: boom })]
      for (const history of histories) {
        const result = Lifecycle.replay(history as ReadonlyArray<Lifecycle.Event>)
        expect(codesOf(result)).toEqual(["AGREEMENT_HISTORY_INVALID"])
      }
      expect(Result.isSuccess(Lifecycle.replay(record!.history))).toBe(true)
    })
    it("deliveries and three lists that were never decoded give AGREEMENT_INPUT_UNREADABLE, not a throw (pnpm fuzz)", () => {
      const boom = () => {
        throw new Error("boom")
      }
      const a = agreement()
      for (const deliveries of [Number.NaN, null, "x", { length: 1 }, new Proxy([], { get: boom }), [null]]) {
        expect(Fulfilment.validateDeliveries([a], deliveries as never).map((i) => i.code)).toEqual([
          "AGREEMENT_INPUT_UNREADABLE"
        ])
      }
      expect(Fulfilment.validateDeliveries(null as never, []).map((i) => i.code)).toEqual([
        "AGREEMENT_INPUT_UNREADABLE"
      ])
      for (const lists of [{}, null, { resources: [], needs: 7, projects: [] }, new Proxy({}, { get: boom })]) {
        expect(ThreeLists.validate(lists as never).map((i) => i.code)).toEqual(["AGREEMENT_INPUT_UNREADABLE"])
      }
      expect(ThreeLists.validate({ resources: [], needs: [], projects: [] })).toEqual([])
    })
    it("a delivery of a kind that is not one is reported, not looked up on the prototype", () => {
      const a = agreement()
      const issues = Fulfilment.validateDeliveries([a], [
        { _tag: "__proto__", agreement: a.id, commitment: "funds", on: "2024-03-01" } as never,
        { _tag: "constructor", agreement: a.id, commitment: "funds", on: "2024-03-01" } as never
      ])
      expect(issues.map((i) => i.code)).toEqual(["AGREEMENT_DELIVERY_KIND_MISMATCH",
        "AGREEMENT_DELIVERY_KIND_MISMATCH"])
      expect(issues.map((i) => i.params["delivery"])).toEqual(["__proto__", "constructor"])
    })
  })

  describe("public outputs go through redaction", () => {
    const scenario = mingquan()
    const hostile = {
      ...scenario,
      agreements: scenario.agreements.map((a, i) =>
        i === 0
          ? { ...a, memberUnit: { ...a.memberUnit, name: "=HYPERLINK(\"http://x\",\"点我\")" } }
          : i === 1
          ? { ...a, memberUnit: { ...a.memberUnit, name: "某公司（联系人电话13812345678）" } }
          : a
      )
    }
    const report = Result.getOrThrow(Fulfilment.compute(hostile, Period.year(2024)))
    it("the fulfilment table masks personal data in unit names and keeps numbers as numbers", () => {
      const table = Fulfilment.table(report, "zh")
      expect(table.columns).toHaveLength(10)
      expect(table.rows.every((row) => row.length === 10)).toBe(true)
      const names = table.rows.map((row) => row[0])
      expect(names).toContain("某公司（联系人电话138****5678）")
      expect(names.some((n) => String(n).includes("13812345678"))).toBe(false)
      expect(table.rows.every((row) => typeof row[1] === "number" && typeof row[3] === "number")).toBe(true)
      expect(Fulfilment.table(report, "en").columns[0]).toBe("member unit")
    })
    it("the fulfilment CSV never starts a cell with a formula", () => {
      const text = Fulfilment.csv(report, "zh")
      const lines = text.split("\r\n")
      expect(lines[0]).toBe(
        "单位,承诺经费（元）,到位经费（元）,经费到位率%,志愿服务率%,场地开放率%,服务完成率%,参会,认领心愿,按时报到"
      )
      expect(lines.some((line) => line.startsWith("\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\""))).toBe(true)
      expect(lines.some((line) => line.startsWith("="))).toBe(false)
      expect(text.endsWith("\r\n")).toBe(true)
      // the cells of the table are what csvCell makes safe
      for (const row of Fulfilment.table(report, "zh").rows) {
        expect(Redaction.formulaTriggers.includes(Redaction.csvCell(row[0]!)[0] ?? "")).toBe(false)
      }
    })
    it("the micro-wish notice masks the wisher at every length and the wish's text", () => {
      const post = (wisher: string, title: string) =>
        Result.getOrThrow(MicroWish.post({
          id: `w-${wisher.length}`,
          grandCommittee: "pingli",
          title,
          wisher,
          postedOn: "2024-03-04",
          publishedTo: ["unit-01"]
        }))
      const rows = MicroWish.notice([
        post("王", "一台轮椅，联系 13812345678"),
        post("张奶奶", "身份证 11010519491231002X 的老人需要助浴"),
        post("欧阳小明", "邮箱 ouyang@example.com")
      ], "zh")
      expect(rows.map((r) => r.wisher)).toEqual(["*", "张*奶", "欧阳**"])
      expect(rows.map((r) => r.title)).toEqual([
        "一台轮椅，联系 138****5678",
        "身份证 110***********002X 的老人需要助浴",
        "邮箱 o***@example.com"
      ])
      expect(rows[0]!.status).toBe(MicroWish.statusLabels.published.zh)
      expect(MicroWish.notice([post("王", "x")], "en")[0]!.status).toBe(MicroWish.statusLabels.published.en)
    })
  })

  describe("ids follow core's Id rules", () => {
    it("template, clause, whistle policy, called party and decision ids refuse spaces, NUL and lone surrogates", () => {
      const t = JSON.parse(JSON.stringify(template))
      expect(codesOf(Template.document.decode({ ...t, id: " std " }))).toEqual(["CORE_ID_UNTRIMMED"])
      expect(codesOf(Template.document.decode({ ...t, clauses: [{ ...t.clauses[0], id: "a\u0000" }] }))).toEqual([
        "CORE_ID_CONTROL_CHARACTER"
      ])
      const p = JSON.parse(JSON.stringify(Presets.pingguWhistlePolicy))
      expect(codesOf(Whistle.policyDocument.decode({ ...p, id: "x\uD800" }))).toEqual(["CORE_ID_LONE_SURROGATE"])
      const call = Whistle.blow({
        id: "w-1",
        grandCommittee: "gc",
        category: "fire",
        urgency: "urgent",
        blownAt: "2024-03-01T21:00:00+08:00",
        description: "楼道堆物",
        called: [{ kind: "unit", id: " " }]
      })
      expect(codesOf(call)).toContain("CORE_ID_UNTRIMMED")
    })
  })
})
