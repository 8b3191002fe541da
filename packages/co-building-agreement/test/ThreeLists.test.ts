import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { Category, Presets, ThreeLists } from "../src/index.js"
import { codesOf, expectWellFormed, issuesOf, ok } from "./fixtures.js"

export const resource = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  grandCommittee: "gc",
  unit: "u",
  category: "health",
  tags: [],
  capacity: 10,
  description: "义诊",
  ...overrides
})
export const need = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  grandCommittee: "gc",
  category: "health",
  tags: [],
  urgency: "normal",
  quantity: 1,
  raisedBy: { kind: "resident", name: "居民" },
  raisedOn: "2024-03-01",
  description: "看病难",
  status: "open",
  ...overrides
})
export const project = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  grandCommittee: "gc",
  name: "义诊进社区",
  owner: "u",
  budget: 0,
  status: "agreed",
  milestones: [],
  needs: [],
  allocations: [],
  ...overrides
})
export const doc = (resources: Array<unknown>, needs: Array<unknown>, projects: Array<unknown>) => ({
  kind: "three-lists",
  schemaVersion: 1,
  resources,
  needs,
  projects
})

describe("ThreeLists", () => {
  describe("documents", () => {
    it("decodes the three lists", () => {
      const lists = ok(
        ThreeLists.document.decode(
          doc([resource("r-1")], [need("n-1")], [
            project("p-1", { needs: ["n-1"], allocations: [{ resource: "r-1", amount: 4 }] })
          ])
        )
      )
      expect(ThreeLists.remaining(lists, "r-1")).toBe(6)
      expect(ThreeLists.remaining(lists, "missing")).toBe(0)
    })

    it("reports unknown categories, bad quantities, wrong dates and negative budgets all at once", () => {
      const result = ThreeLists.document.decode(doc(
        [resource("r-1", { category: "helth", capacity: 0 })],
        [need("n-1", { category: "fun", raisedOn: "2024-02-30", urgency: "soon" })],
        [project("p-1", { budget: -1 })]
      ))
      const codes = codesOf(result)
      expect(codes.filter((c) => c === "AGREEMENT_UNKNOWN_CATEGORY")).toHaveLength(2)
      expect(codes).toEqual(
        expect.arrayContaining(["AGREEMENT_QUANTITY_NOT_POSITIVE", "CORE_DATE_INVALID", "AGREEMENT_AMOUNT_NEGATIVE"])
      )
      expect(codes.length).toBeGreaterThanOrEqual(6)
      const unknown = issuesOf(result).find((i) => i.code === "AGREEMENT_UNKNOWN_CATEGORY")!
      expect(unknown.path).toEqual(["resources", 0, "category"])
      expect(unknown.message.en).toContain("helth")
      expectWellFormed(issuesOf(result))
    })

    it("reports duplicate ids, unknown references and over-commitment", () => {
      const result = ThreeLists.document.decode(doc(
        [resource("r-1", { capacity: 5 }), resource("r-1")],
        [need("n-1")],
        [
          project("p-1", {
            needs: ["n-9"],
            allocations: [{ resource: "r-1", amount: 4 }, { resource: "r-9", amount: 1 }]
          }),
          project("p-2", { allocations: [{ resource: "r-1", amount: 2 }] }),
          project("p-3", { status: "cancelled", allocations: [{ resource: "r-1", amount: 5 }] })
        ]
      ))
      expect(codesOf(result)).toEqual([
        "AGREEMENT_DUPLICATE_ID",
        "AGREEMENT_UNKNOWN_REFERENCE",
        "AGREEMENT_UNKNOWN_REFERENCE",
        "AGREEMENT_OVER_COMMITMENT"
      ])
      expect(issuesOf(result)[3]!.params).toMatchObject({ capacity: 5, committed: 4, requested: 2 })
    })

    it("validate runs the same checks on lists built in code", () => {
      const lists: ThreeLists.Lists = {
        resources: [Schema.decodeUnknownSync(ThreeLists.Resource)(resource("r-1", { capacity: 1 }))],
        needs: [],
        projects: [
          Schema.decodeUnknownSync(ThreeLists.Project)(
            project("p-1", { allocations: [{ resource: "r-1", amount: 2 }] })
          )
        ]
      }
      expect(ThreeLists.validate(lists).map((i) => i.code)).toEqual(["AGREEMENT_OVER_COMMITMENT"])
      expect(ThreeLists.committed(lists).get("r-1")).toBe(2)
    })

    it("the category schema exports its values as a JSON Schema enum", () => {
      expect(JSON.stringify(ThreeLists.document.jsonSchema())).toContain("elderly-care")
      expect(Category.isCategory("other")).toBe(true)
    })
  })

  describe("combinators", () => {
    it("綦江: the 52-problem list splits between the community and the grand committee, with reasons", () => {
      const needs = Presets.qijiangProblemList()
      expect(needs).toHaveLength(52)
      const split = ThreeLists.triage(needs, Presets.qijiangTriagePolicy)
      expect(split.community.length + split.grandCommittee.length).toBe(52)
      expect(split.community.length).toBe(20)
      const pumps = split.grandCommittee.find((x) => x.need.description === "消防泵老化需更换")!
      expect(pumps.reasons).toEqual(["category", "urgency"])
      const jobs = split.grandCommittee.find((x) => x.need.description === "失业人员求职难")!
      expect(jobs.reasons).toEqual(["category", "quantity"])
      for (const n of split.community) expect(Presets.qijiangTriagePolicy.communityCategories).toContain(n.category)
    })

    it("triage is data-last too", () => {
      const needs = Presets.qijiangProblemList()
      expect(ThreeLists.triage(Presets.qijiangTriagePolicy)(needs)).toEqual(
        ThreeLists.triage(needs, Presets.qijiangTriagePolicy)
      )
    })
  })
})
