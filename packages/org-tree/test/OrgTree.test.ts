import { Id } from "@gongzhi/core"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Fixtures, OrgPolicy, OrgRows, OrgTree, Presets, Query } from "../src/index.js"
import { d, failureCodes, nesting, ok, small } from "./fixtures.js"

const build = (rows: OrgRows.Rows, policy: OrgPolicy.OrgPolicy = Presets.hongan) => OrgTree.build(rows, policy)

describe("OrgTree", () => {
  describe("build", () => {
    it("builds a valid community and answers what is where", () => {
      const tree = ok(build(small()))
      expect(tree.size).toBe(7)
      expect(OrgTree.root(tree)?.id).toBe("gc")
      expect(OrgTree.children(tree, "gc").map((u) => u.id)).toEqual(["grid-1", "b-1"])
      expect(OrgTree.children(tree, "nope")).toEqual([])
      expect(OrgTree.get(tree, "g-1")?.kind).toBe("party-group")
      expect(OrgTree.isWithin(tree, "ch-1", "b-1")).toBe(true)
      expect(OrgTree.isWithin(tree, "ch-1", "grid-1")).toBe(false)
      expect(OrgTree.isWithin(tree, "nope", "gc")).toBe(false)
      expect(OrgTree.rows(tree).people).toHaveLength(12)
    })

    it("builds the seeds' generated organisations", () => {
      expect(ok(build(Fixtures.hongan())).size).toBe(1 + 19 + 301 + 1000 + 257 + 787 + 842)
      expect(ok(build(Fixtures.mingquan(), Presets.mingquan)).size).toBeGreaterThan(50)
      expect(ok(build(Fixtures.pingliGridBranch())).size).toBe(3)
    })

    it("reports every structural problem at once", () => {
      const rows: OrgRows.Rows = {
        orgUnits: [
          { id: "gc", kind: "grand-committee", name: "甲" },
          { id: "gc2", kind: "grand-committee", name: "乙" },
          { id: "gc", kind: "grand-committee", name: "重复" },
          { id: "b-1", parentId: "nope", kind: "branch", name: "丙" },
          { id: "ch", parentId: "gc", kind: "centre-household", name: "丁" },
          { id: "", parentId: "gc", kind: "grid", name: "空编号" },
          { id: "x", parentId: "gc", kind: "district" as never, name: "不认识" }
        ]
      }
      expect(failureCodes(build(rows))).toEqual([
        "ORG_DUPLICATE_ID",
        "CORE_ID_EMPTY",
        "ORG_UNKNOWN_KIND",
        "ORG_MISSING_PARENT",
        "ORG_KIND_NOT_ALLOWED",
        "ORG_SEVERAL_ROOTS"
      ])
    })

    it("judges every id of org units and people as core's Id check does", () => {
      const idCodes = (id: string) => {
        const built = OrgTree.build({
          orgUnits: [{ id: "gc", kind: "grand-committee", name: "甲" }, {
            id,
            parentId: "gc",
            kind: "grid",
            name: "乙"
          }],
          people: [{ id, name: "丙", membership: "full", orgUnitId: "gc" }]
        }, Presets.hongan)
        return built._tag === "Success"
          ? []
          : built.failure.issues.map((i) => i.code).filter((c) => c.startsWith("CORE_ID"))
      }
      const expected = (id: string) => Id.validate(id).map((i) => i.code)
      // spaces that trim removes at either end (U+00A0, the full-width U+3000, U+FEFF), control characters
      for (
        const id of ["网格一\u3000", "\u3000网格一", "g\u00a0", "\ufeffg", "g\u0085x", "g\u007fx", "g\tx", "网格一",
          "x".repeat(129), "x".repeat(128)]
      ) {
        const want = expected(id)
        expect(idCodes(id)).toEqual([...want, ...want])
      }
      const char = fc.oneof(
        fc.constantFrom(
          " ",
          "\t",
          "\u0000",
          "\u001f",
          "\u007f",
          "\u0085",
          "\u009f",
          "\u00a0",
          "\u3000",
          "\ufeff",
          "\u2028",
          "网",
          "格",
          "-",
          "a"
        ),
        fc.string({ unit: "binary", minLength: 1, maxLength: 1 })
      )
      fc.assert(
        fc.property(fc.array(char, { minLength: 1, maxLength: 6 }).map((cs) => cs.join("")), (id) => {
          fc.pre(id !== "gc")
          const want = expected(id)
          expect(idCodes(id)).toEqual([...want, ...want])
        }),
        { numRuns: 2000 }
      )
    }, 60_000)

    it("finds cycles and says there is no root", () => {
      const rows: OrgRows.Rows = {
        orgUnits: [
          { id: "a", parentId: "c", kind: "party-group", name: "a" },
          { id: "b", parentId: "a", kind: "party-group", name: "b" },
          { id: "c", parentId: "b", kind: "party-group", name: "c" }
        ]
      }
      const built = build(rows, nesting)
      expect(failureCodes(built)).toEqual(["ORG_NO_ROOT", "ORG_CYCLE"])
      if (built._tag === "Failure") expect(built.failure.issues[1]?.message.en).toContain("a → c → b → a")
    })

    it("rejects a root of a kind the policy does not allow", () => {
      expect(failureCodes(build({ orgUnits: [{ id: "g", kind: "grid", name: "网格" }] }))).toEqual([
        "ORG_ROOT_KIND_NOT_ALLOWED"
      ])
    })

    it("gives language-neutral params; each language's words are in the message", () => {
      const result = build({
        orgUnits: [{ id: "g", kind: "grid", name: "网格" }, { id: "b", parentId: "g", kind: "branch", name: "支部" }],
        people: [{ id: "p", name: "", membership: "full", orgUnitId: "nope" }]
      })
      const issues = Result.isFailure(result) ? result.failure.issues : []
      expect(issues.map((i) => [i.code, i.params])).toEqual([
        ["ORG_KIND_NOT_ALLOWED", { id: "b", parentId: "g", kind: "branch", parentKind: "grid", policy: "hongan" }],
        ["ORG_ROOT_KIND_NOT_ALLOWED", {
          id: "g",
          kind: "grid",
          policy: "hongan",
          allowed: "street-working-committee, grand-committee"
        }],
        ["ORG_EMPTY_NAME", { id: "p", what: "person" }],
        ["ORG_UNKNOWN_REFERENCE", { what: "person", id: "p", targetKind: "orgUnit", target: "nope" }]
      ])
      expect(issues.map((i) => i.message.zh)).toEqual([
        "b（党支部）不能设在网格 g 之下（按 hongan）",
        "顶层组织 g 是网格；按 hongan，顶层只能是：街道党工委、社区大党委",
        "人员 p 没有名称",
        "人员 p 引用的组织 nope 不存在"
      ])
      expect(issues.map((i) => i.message.en)).toEqual([
        "b (branch) may not sit under the grid g (by hongan)",
        "The root g is a grid; by hongan the root must be: street working committee, grand committee",
        "The person p has no name",
        "person p refers to the org unit nope, which does not exist"
      ])
    })

    it("checks the references of people, member units, positions and coverage", () => {
      const rows = small()
      const bad: OrgRows.Rows = {
        orgUnits: [...rows.orgUnits.slice(0, 4), {
          ...rows.orgUnits[4]!,
          covers: ["nope", "b-1"],
          memberUnits: ["u-none"]
        }, ...rows.orgUnits.slice(5)],
        people: [...rows.people, {
          id: "p-x",
          name: "无组织",
          membership: "full",
          orgUnitId: "nope",
          employerUnitId: "u-none",
          reportsTo: "b-1"
        }, { id: "m-1", name: "重复", membership: "none" }],
        memberUnits: [...rows.memberUnits, { id: "u-x", name: "错挂", type: "school", grandCommitteeId: "b-1" }, {
          id: "u-bank",
          name: "重复",
          type: "bank",
          grandCommitteeId: "gc"
        }],
        positions: [...rows.positions, {
          orgUnitId: "nope",
          personId: "ghost",
          role: "secretary",
          start: d("2024-01-01"),
          end: d("2023-01-01"),
          left: d("2022-01-01")
        }]
      }
      expect(failureCodes(build(bad))).toEqual([
        "ORG_WRONG_REFERENCE_KIND",
        "ORG_DUPLICATE_ID",
        "ORG_UNKNOWN_REFERENCE",
        "ORG_WRONG_REFERENCE_KIND",
        "ORG_UNKNOWN_REFERENCE",
        "ORG_UNKNOWN_REFERENCE",
        "ORG_UNKNOWN_REFERENCE",
        "ORG_WRONG_REFERENCE_KIND",
        "ORG_DUPLICATE_ID",
        "ORG_UNKNOWN_REFERENCE",
        "ORG_UNKNOWN_REFERENCE",
        "ORG_TERM_END_BEFORE_START",
        "ORG_TERM_END_BEFORE_START"
      ])
    })

    it("builds a 100,000-deep chain without overflowing the stack", () => {
      const n = 100_000
      const orgUnits: Array<OrgRows.OrgUnitRow> = Array.from(
        { length: n },
        (_, i) =>
          i === 0
            ? { id: "g0", kind: "party-group", name: "g0" }
            : { id: `g${i}`, parentId: `g${i - 1}`, kind: "party-group", name: `g${i}` }
      )
      const tree = ok(build({ orgUnits }, nesting))
      expect(Query.path(tree, `g${n - 1}`)).toHaveLength(n)
      expect(Query.descendants(tree, "g0")).toHaveLength(n - 1)
    })

    it("finds a cycle in a million rows without overflowing the stack", () => {
      const n = 1_000_000
      const orgUnits: Array<OrgRows.OrgUnitRow> = Array.from(
        { length: n },
        (_, i) => ({ id: `g${i}`, parentId: `g${(i + n - 1) % n}`, kind: "party-group", name: "g" })
      )
      const built = build({ orgUnits }, nesting)
      expect(failureCodes(built)).toEqual(["ORG_NO_ROOT", "ORG_CYCLE"])
    }, 60_000)
  })

  describe("documents", () => {
    it("decodes an org-rows document and reports bad rows, wrong types and unknown kinds", () => {
      const good = OrgRows.document.decode(JSON.parse(JSON.stringify(Fixtures.mingquan())))
      expect(good._tag).toBe("Success")
      const bad = OrgRows.document.decode({
        kind: "org-rows",
        schemaVersion: 1,
        orgUnits: [{ id: 7, kind: "district", name: "x" }, {
          id: "b",
          kind: "branch",
          name: "y",
          branchType: "secret"
        }],
        people: [{ id: "p", name: "某", membership: "member" }]
      })
      expect(failureCodes(bad)).toEqual(["CORE_SCHEMA_INVALID_TYPE", "CORE_SCHEMA_NO_MATCHING_CASE",
        "CORE_SCHEMA_NO_MATCHING_CASE", "CORE_SCHEMA_NO_MATCHING_CASE"])
      if (bad._tag === "Failure") expect(bad.failure.issues.length).toBeGreaterThanOrEqual(4)
    })

    it("never lets a __proto__ key pollute anything", () => {
      const input = JSON.parse(
        "{\"kind\":\"org-rows\",\"schemaVersion\":1,\"orgUnits\":[{\"id\":\"gc\",\"kind\":\"grand-committee\",\"name\":\"x\",\"__proto__\":{\"polluted\":true}}]}"
      )
      const decoded = OrgRows.document.decode(input)
      expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined()
      expect(decoded._tag).toBe("Failure")
    })

    it("decodes the shipped policies and rejects inconsistent thresholds", () => {
      for (const policy of Object.values(Presets.policies)) {
        expect(OrgPolicy.document.decode(JSON.parse(JSON.stringify(policy)))._tag).toBe("Success")
      }
      const broken = {
        ...Presets.hongan,
        thresholds: { ...Presets.hongan.thresholds, committeeMin: 6 },
        allowed: [...Presets.hongan.allowed, Presets.hongan.allowed[0]!]
      }
      expect(failureCodes(OrgPolicy.document.decode(broken))).toEqual(["ORG_POLICY_COMMITTEE_RANGE",
        "ORG_POLICY_DUPLICATE_PARENT"])
    })
  })

  describe("positions", () => {
    it("holds a position from its start until the holder leaves, past its scheduled end", () => {
      const p = {
        orgUnitId: "b",
        personId: "p",
        role: "secretary" as const,
        start: d("2021-01-01"),
        end: d("2023-12-31")
      }
      expect(OrgTree.isHeldOn(p, d("2020-12-31"))).toBe(false)
      expect(OrgTree.isHeldOn(p, d("2024-06-30"))).toBe(true)
      expect(OrgTree.isHeldOn({ ...p, left: d("2024-01-10") }, d("2024-06-30"))).toBe(false)
    })
  })
})
