import { ValidationReport } from "@gongzhi/core"
import { describe, expect, it } from "vitest"
import { Fixtures, OrgPolicy, type OrgRows, OrgTree, Presets, Validation } from "../src/index.js"
import { asOf, codes, d, type FullRows, ok, small } from "./fixtures.js"

type Rows = FullRows

const validate = (rows: OrgRows.Rows, on = asOf, policy = Presets.hongan) =>
  Validation.validate(ok(OrgTree.build(rows, policy)), { asOf: on })

/** The small community with a change applied to its rows. */
const variant = (change: (rows: Rows) => Partial<Rows>): Rows => {
  const rows = small()
  return { ...rows, ...change(rows) }
}

/** The branch b-1 with `full` full members (and `probationary` more), keeping its positions' holders. */
const branchOf = (full: number, probationary = 0): Partial<Rows> => {
  const rows = small()
  const others = rows.people.filter((p) => !p.id.startsWith("m-"))
  return {
    people: [
      ...Array.from(
        { length: full },
        (_, i) => ({
          id: `m-${i + 1}`,
          name: `党员${i + 1}`,
          membership: "full" as const,
          orgUnitId: i >= 4 && i < 8 ? "g-1" : "b-1"
        })
      ),
      ...Array.from(
        { length: probationary },
        (_, i) => ({ id: `p-${i + 1}`, name: `预备${i + 1}`, membership: "probationary" as const, orgUnitId: "b-1" })
      ),
      ...others
    ],
    positions: rows.positions.filter((p) => Number(p.personId.slice(2)) <= full || !p.personId.startsWith("m-"))
  }
}

describe("Validation", () => {
  describe("the seeds", () => {
    it("红安's generated county is valid, with no warnings", () => {
      expect(validate(Fixtures.hongan()).issues).toEqual([])
    })
    it("名泉: two deputies from member units are allowed in the grand committee", () => {
      const report = validate(Fixtures.mingquan(), asOf, Presets.mingquan)
      expect(report.issues).toEqual([])
    })
    it("平利: a grid branch of 212 members is over 50, needs a committee, and may become a grassroots committee", () => {
      const report = validate(Fixtures.pingliGridBranch(), d("2024-06-30"))
      expect(report.issues.map((i) => `${i.severity} ${i.code}`)).toEqual([
        "warning ORG_BRANCH_TOO_MANY_MEMBERS",
        "error ORG_COMMITTEE_REQUIRED",
        "warning ORG_SUGGEST_COMMITTEE"
      ])
      expect(report.issues[1]?.message.zh).toBe(
        "党支部 pingli-b1 有 205 名正式党员（≥ 7），应设支部委员会（3–5 人），现有委员 1 人"
      )
      expect(Validation.membership(ok(OrgTree.build(Fixtures.pingliGridBranch(), Presets.hongan)), "pingli-b1"))
        .toEqual({ full: 205, probationary: 7 })
    })
  })

  describe("rules", () => {
    it("passes the small community", () => {
      expect(validate(small()).issues).toEqual([])
    })
    it("ORG_BRANCH_TOO_FEW_FULL_MEMBERS: probationary members do not count; a joint branch needs 3 too", () => {
      const two = variant(() => branchOf(2, 5))
      expect(codes(validate(two))).toContain("ORG_BRANCH_TOO_FEW_FULL_MEMBERS")
      const joint = {
        ...two,
        orgUnits: two.orgUnits.map((
          u
        ) => (u.id === "b-1" ? { ...u, branchType: "joint" as const, memberUnits: ["u-bank"] } : u))
      }
      // 支部工作条例 Ch. 2: every branch, a joint one included, has 3 full members or more (issue 16)
      expect(codes(validate(joint))).toContain("ORG_JOINT_BRANCH_TOO_FEW_FULL_MEMBERS")
      expect(codes(validate(joint))).not.toContain("ORG_BRANCH_TOO_FEW_FULL_MEMBERS")
      expect(codes(validate(variant(() => branchOf(3))))).not.toContain("ORG_BRANCH_TOO_FEW_FULL_MEMBERS")
    })
    it("ORG_JOINT_BRANCH_TOO_MANY_UNITS: a joint branch normally covers at most 5 units (a warning)", () => {
      const units = Array.from(
        { length: 6 },
        (_, i) => ({ id: `u-${i}`, name: `单位${i}`, type: "private" as const, grandCommitteeId: "gc" })
      )
      const rows = (n: number) =>
        variant((r) => ({
          memberUnits: [...r.memberUnits, ...units],
          orgUnits: r.orgUnits.map((u) => (u.id === "b-1"
            ? {
              ...u,
              branchType: "joint" as const,
              memberUnits: units.slice(0, n).map((x) => x.id)
            }
            : u)
          )
        }))
      const report = validate(rows(6))
      expect(report.issues.map((i) => `${i.severity} ${i.code}`)).toEqual(["warning ORG_JOINT_BRANCH_TOO_MANY_UNITS"])
      expect(validate(rows(5)).issues).toEqual([])
    })
    it("ORG_BRANCH_TOO_MANY_MEMBERS and ORG_SUGGEST_GENERAL_BRANCH from 51 members (warnings)", () => {
      const big = validate(variant(() => branchOf(51)))
      expect(big.issues.map((i) => `${i.severity} ${i.code}`)).toEqual(["warning ORG_BRANCH_TOO_MANY_MEMBERS",
        "warning ORG_SUGGEST_GENERAL_BRANCH"])
      expect(ValidationReport.isValid(big)).toBe(true)
      expect(codes(validate(variant(() => branchOf(50))))).toEqual(["ORG_SUGGEST_GENERAL_BRANCH"])
      expect(codes(validate(variant(() => branchOf(49))))).toEqual([])
    })
    it("ORG_COMMITTEE_REQUIRED from 7 full members; none expected below", () => {
      const noCommittee = (full: number) =>
        variant((r) => ({ ...branchOf(full), positions: r.positions.filter((p) => p.role !== "committee-member") }))
      expect(codes(validate(noCommittee(7)))).toEqual(["ORG_COMMITTEE_REQUIRED"])
      expect(codes(validate(noCommittee(6)))).toEqual([])
      expect(codes(validate(variant(() => branchOf(6))))).toEqual(["ORG_COMMITTEE_NOT_EXPECTED"])
    })
    it("ORG_COMMITTEE_LARGE above 5 (a warning), ORG_COMMITTEE_TOO_LARGE above 7", () => {
      const committee = (size: number) =>
        variant((r) => ({
          ...branchOf(12),
          positions: [
            ...r.positions.filter((p) => p.role !== "committee-member"),
            ...Array.from(
              { length: size - 1 },
              (_, i) => ({
                orgUnitId: "b-1",
                personId: `m-${i + 2}`,
                role: "committee-member" as const,
                start: d("2023-03-01"),
                end: d("2026-02-28")
              })
            )
          ]
        }))
      expect(codes(validate(committee(5)))).toEqual([])
      expect(validate(committee(6)).issues.map((i) => `${i.severity} ${i.code}`)).toEqual([
        "warning ORG_COMMITTEE_LARGE"
      ])
      expect(codes(validate(committee(8)))).toEqual(["ORG_COMMITTEE_TOO_LARGE"])
    })
    it("ORG_SECRETARY_MISSING and ORG_SECRETARY_SEVERAL", () => {
      const none = variant((r) => ({
        positions: r.positions.filter((p) => !(p.orgUnitId === "b-1" && p.role === "secretary"))
      }))
      // the secretary is one of the committee of 3, which is now too small
      expect(codes(validate(none))).toEqual(["ORG_COMMITTEE_REQUIRED", "ORG_SECRETARY_MISSING"])
      const two = variant((r) => ({
        positions: [...r.positions, {
          orgUnitId: "b-1",
          personId: "m-4",
          role: "secretary" as const,
          start: d("2023-03-01"),
          end: d("2026-02-28")
        }]
      }))
      expect(codes(validate(two))).toEqual(["ORG_SECRETARY_SEVERAL"])
      expect(validate(two).issues[0]?.params).toEqual({ id: "b-1", kind: "branch", count: 2 })
      expect(validate(two).issues[0]?.message.en).toBe("The branch b-1 has 2 secretaries; it must have one")
      const left = variant((r) => ({
        positions: r.positions.map((
          p
        ) => (p.orgUnitId === "b-1" && p.role === "secretary" ? { ...p, left: d("2024-05-01") } : p))
      }))
      expect(codes(validate(left))).toEqual(["ORG_COMMITTEE_REQUIRED", "ORG_SECRETARY_MISSING"])
      expect(codes(validate(left, d("2024-04-30")))).toEqual([])
    })
    it("ORG_TOO_MANY_DEPUTIES: at most one in a branch", () => {
      const deputies = (n: number) =>
        variant((r) => ({
          positions: [...r.positions, ...Array.from(
            { length: n },
            (_, i) => ({
              orgUnitId: "b-1",
              personId: `m-${i + 4}`,
              role: "deputy-secretary" as const,
              start: d("2023-03-01"),
              end: d("2026-02-28")
            })
          )]
        }))
      expect(codes(validate(deputies(1)))).toEqual([])
      expect(codes(validate(deputies(2)))).toEqual(["ORG_TOO_MANY_DEPUTIES"])
    })
    it("ORG_TERM_TOO_LONG: 3 years for a branch, 5 for the grand committee", () => {
      const term = (orgUnitId: string, end: string) =>
        variant((r) => ({
          positions: r.positions.map((
            p
          ) => (p.orgUnitId === orgUnitId && p.role === "secretary" ? { ...p, end: d(end) } : p))
        }))
      expect(codes(validate(term("b-1", "2026-03-01")))).toEqual([])
      expect(codes(validate(term("b-1", "2026-03-02")))).toEqual(["ORG_TERM_TOO_LONG"])
      expect(codes(validate(term("gc", "2026-07-01")))).toEqual([])
      expect(codes(validate(term("gc", "2026-07-02")))).toEqual(["ORG_TERM_TOO_LONG"])
    })
    it("ORG_TERM_EXPIRED: a term past its end (or past the rule without an end) while still held (a warning)", () => {
      const report = validate(small(), d("2026-03-15"))
      expect(report.issues.map((i) => `${i.severity} ${i.code}`)).toEqual([
        "warning ORG_TERM_EXPIRED",
        "warning ORG_TERM_EXPIRED",
        "warning ORG_TERM_EXPIRED"
      ])
      expect(report.issues[0]?.message.en).toBe("The term of m-1 as secretary of b-1 ended on 2026-02-28")
    })
    it("ORG_HOLDER_NOT_MEMBER: party positions belong to members of the org; first secretaries and part-time unit heads excepted", () => {
      const outsider = (extra: Partial<OrgRows.PositionRow>, employer?: string) =>
        variant((r) => ({
          people: [...r.people, {
            id: "o-1",
            name: "外单位",
            membership: "full" as const,
            ...(employer === undefined ? {} : { employerUnitId: employer })
          }],
          positions: [...r.positions, {
            orgUnitId: "gc",
            personId: "o-1",
            role: "deputy-secretary" as const,
            start: d("2021-07-01"),
            end: d("2026-06-30"),
            ...extra
          }]
        }))
      expect(codes(validate(outsider({})))).toEqual(["ORG_HOLDER_NOT_MEMBER"])
      expect(codes(validate(outsider({ partTime: true })))).toEqual(["ORG_HOLDER_NOT_MEMBER"])
      expect(codes(validate(outsider({ partTime: true }, "u-bank")))).toEqual([])
      expect(codes(validate(outsider({ role: "first-secretary" })))).toEqual([])
    })
    it("ORG_HOLDER_NOT_PARTY_MEMBER: a resident cannot be a group head", () => {
      const resident = variant((r) => ({
        positions: r.positions.map((p) => (p.role === "group-head" ? { ...p, personId: "r-1" } : p))
      }))
      expect(codes(validate(resident))).toEqual(["ORG_HOLDER_NOT_PARTY_MEMBER"])
      const [issue] = validate(resident).issues
      // the role is a neutral param; its words are in the message
      expect(issue?.params).toEqual({ id: "g-1", personId: "r-1", role: "group-head" })
      expect(issue?.message).toEqual({
        zh: "r-1 不是党员，不能担任党小组长",
        en: "r-1 is not a party member and cannot be group head"
      })
    })
    it("ORG_SUGGEST_COMMITTEE from 100 members in a general branch", () => {
      const rows = variant((r) => ({
        orgUnits: [...r.orgUnits, { id: "gb", parentId: "gc", kind: "general-branch" as const, name: "党总支" }, {
          id: "b-2",
          parentId: "gb",
          kind: "branch" as const,
          name: "二支部",
          branchType: "unit" as const
        }, { id: "b-3", parentId: "gb", kind: "branch" as const, name: "三支部", branchType: "unit" as const }],
        people: [...r.people, ...Array.from(
          { length: 100 },
          (_, i) => ({
            id: `x-${i}`,
            name: `党员${i}`,
            membership: "full" as const,
            orgUnitId: i < 50 ? "b-2" : "b-3"
          })
        )],
        positions: [
          ...r.positions,
          ...["gb", "b-2", "b-3"].map((id, k) => ({
            orgUnitId: id,
            personId: `x-${k === 2 ? 50 : k}`,
            role: "secretary" as const,
            start: d("2023-03-01"),
            end: d("2026-02-28")
          })),
          ...["b-2", "b-3"].flatMap((id, k) =>
            [1, 2].map((n) => ({
              orgUnitId: id,
              personId: `x-${k * 50 + n + 1}`,
              role: "committee-member" as const,
              start: d("2023-03-01"),
              end: d("2026-02-28")
            }))
          )
        ]
      }))
      expect(codes(validate(rows))).toEqual(["ORG_SUGGEST_COMMITTEE", "ORG_SUGGEST_GENERAL_BRANCH",
        "ORG_SUGGEST_GENERAL_BRANCH"])
    })
    it("validates with another policy than the one the tree was built with", () => {
      const strict = { ...Presets.hongan, thresholds: { ...Presets.hongan.thresholds, branchMaxMembers: 5 } }
      const tree = ok(OrgTree.build(small(), Presets.hongan))
      expect(codes(Validation.validate(tree, { asOf, policy: strict }))).toEqual(["ORG_BRANCH_TOO_MANY_MEMBERS"])
    })
  })

  describe("national rules the validators missed (issue 16)", () => {
    /** b-1 made a joint branch of the bank and a school; `bank` of its full members work at the bank. */
    const jointWith = (bank: number) =>
      variant((r) => ({
        memberUnits: [...r.memberUnits, {
          id: "u-school",
          name: "城东小学",
          type: "school" as const,
          grandCommitteeId: "gc"
        }],
        orgUnits: r.orgUnits.map((u) =>
          u.id === "b-1" ? { ...u, branchType: "joint" as const, memberUnits: ["u-school", "u-bank"] } : u
        ),
        people: r.people.map((p, i) =>
          p.membership === "full" && p.id.startsWith("m-") && i < bank ? { ...p, employerUnitId: "u-bank" } : p
        )
      }))
    it("ORG_UNIT_NEEDS_OWN_BRANCH: a unit with 3 full members in a joint branch must have its own branch", () => {
      expect(codes(validate(jointWith(2)))).toEqual([])
      const report = validate(jointWith(3))
      expect(codes(report)).toEqual(["ORG_UNIT_NEEDS_OWN_BRANCH"])
      expect(report.issues[0]!.path).toEqual(["orgUnits", 4, "memberUnits", 1])
      expect(report.issues[0]!.params).toMatchObject({ id: "b-1", unit: "u-bank", full: 3, min: 3 })
      expect(report.issues[0]!.message.zh).toBe(
        "联合党支部 b-1 覆盖的单位 u-bank 有 3 名正式党员（≥ 3），应单独成立党支部"
      )
      // probationary members of the unit do not count
      const probationary = variant(() => ({
        ...jointWith(2),
        people: [...jointWith(2).people, {
          id: "p-1",
          name: "预备",
          membership: "probationary" as const,
          orgUnitId: "g-1",
          employerUnitId: "u-bank"
        }]
      }))
      expect(codes(validate(probationary))).toEqual([])
    })
    it("ORG_HOLDER_PROBATIONARY: a probationary member holds no elected position", () => {
      const rows = variant((r) => ({
        positions: [...r.positions, {
          orgUnitId: "b-1",
          personId: "m-9",
          role: "committee-member" as const,
          start: d("2023-03-01"),
          end: d("2026-02-28")
        }]
      }))
      const report = validate(rows)
      expect(codes(report)).toEqual(["ORG_HOLDER_PROBATIONARY"])
      expect(report.issues[0]!.message.en).toBe(
        "m-9 is a probationary member with no right to be elected and cannot be committee member of b-1"
      )
      for (const role of ["secretary", "deputy-secretary"] as const) {
        const as = variant((r) => ({
          positions: r.positions.map((
            p
          ) => (p.orgUnitId === "b-1" && p.role === "secretary" ? { ...p, personId: "m-9", role } : p))
        }))
        expect(codes(validate(as))).toContain("ORG_HOLDER_PROBATIONARY")
      }
      // a group head is appointed, not elected
      const head = variant((r) => ({
        positions: r.positions.map((p) => (p.role === "group-head" ? { ...p, personId: "m-9" } : p))
      }))
      expect(codes(validate(head))).not.toContain("ORG_HOLDER_PROBATIONARY")
    })
    it("terms follow the branch's category: a community branch serves 5 years, other branches 3", () => {
      // a community whose party organisation is a branch, under the street working committee
      const community = {
        orgUnits: [
          { id: "swc", kind: "street-working-committee" as const, name: "城关街道党工委" },
          { id: "cb", parentId: "swc", kind: "branch" as const, name: "东门社区党支部" },
          { id: "vb", parentId: "swc", kind: "branch" as const, name: "某单位党支部", category: "other" as const }
        ],
        people: [
          ...Array.from(
            { length: 3 },
            (_, i) => ({ id: `c-${i}`, name: `党员${i}`, membership: "full" as const, orgUnitId: "cb" })
          ),
          ...Array.from(
            { length: 3 },
            (_, i) => ({ id: `v-${i}`, name: `党员${i}`, membership: "full" as const, orgUnitId: "vb" })
          )
        ],
        positions: [
          {
            orgUnitId: "cb",
            personId: "c-0",
            role: "secretary" as const,
            start: d("2021-07-01"),
            end: d("2026-07-01")
          },
          { orgUnitId: "vb", personId: "v-0", role: "secretary" as const, start: d("2021-07-01"), end: d("2026-07-01") }
        ]
      }
      for (const policy of [Presets.national, Presets.hongan, Presets.mingquan]) {
        const allowed = {
          ...policy,
          allowed: [...policy.allowed.filter((a) => a.parent !== "street-working-committee"), {
            parent: "street-working-committee" as const,
            children: ["grand-committee" as const, "branch" as const]
          }]
        }
        const report = Validation.validate(ok(OrgTree.build(community, allowed)), { asOf })
        expect(report.issues.map((i) => `${i.code} ${String(i.params["id"])}`), policy.id).toEqual([
          "ORG_TERM_TOO_LONG vb"
        ])
      }
      // a grid branch of a village, named so, serves 5 years as well
      const village = variant((r) => ({
        orgUnits: r.orgUnits.map((u) => (u.id === "b-1" ? { ...u, category: "village" as const } : u)),
        positions: r.positions.map((
          p
        ) => (p.orgUnitId === "b-1" && p.role === "secretary" ? { ...p, end: d("2028-03-01") } : p))
      }))
      expect(codes(validate(village))).toEqual([])
    })
    it("ships a national default policy with every rule citing its source", () => {
      const decoded = OrgPolicy.document.decode(JSON.parse(JSON.stringify(Presets.national)))
      expect(decoded._tag).toBe("Success")
      expect(Presets.find("preset:national")).toBe(Presets.national)
      const rules = Presets.national.sources.map((s) => s.rule)
      for (
        const rule of ["branchMinFullMembers", "unitNeedsOwnBranch", "jointBranchMaxUnits", "branchMaxMembers",
          "committeeRequiredAt", "termYears", "probationaryNotElected"]
      ) {
        expect(rules).toContain(rule)
      }
      for (const source of Presets.national.sources) expect(source.source).toMatch(/《.+》/)
      expect(Presets.national.sources.find((s) => s.rule === "probationaryNotElected")?.source).toContain(
        "《中国共产党章程》第七条"
      )
      expect(Presets.national.sources.find((s) => s.rule === "termYears")?.source).toContain("第二十一条")
      expect(codes(Validation.validate(ok(OrgTree.build(small(), Presets.national)), { asOf }))).toEqual([])
    })
  })
})
