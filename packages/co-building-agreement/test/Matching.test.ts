import { Result, Schema } from "effect"
import { pipe } from "effect/Function"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Matching, ThreeLists } from "../src/index.js"
import { codesOf, expectWellFormed, issuesOf, mingquan, ok } from "./fixtures.js"
import { need, project, resource } from "./ThreeLists.test.js"

const Lists = Schema.Struct({
  resources: Schema.Array(ThreeLists.Resource),
  needs: Schema.Array(ThreeLists.Need),
  projects: Schema.Array(ThreeLists.Project)
})
const lists = (resources: Array<unknown>, needs: Array<unknown>, projects: Array<unknown> = []): ThreeLists.Lists =>
  Schema.decodeUnknownSync(Lists)({ resources, needs, projects })

const newProject = (id: string): Matching.AcceptInto => ({
  _tag: "New",
  project: id,
  name: "对接",
  owner: "社区",
  budget: 0,
  due: "2024-12-31"
})

describe("Matching", () => {
  describe("matching", () => {
    it("ranks candidates of the same committee and category, and explains every point", () => {
      const l = lists(
        [
          resource("far", { tags: ["义诊"], location: { x: 1500, y: 0 } }),
          resource("near", { tags: ["义诊", "上门"], grid: "g-1" }),
          resource("other-category", { category: "legal", grid: "g-1" }),
          resource("other-committee", { grandCommittee: "gc-2", grid: "g-1", tags: ["义诊", "上门"] }),
          resource("full", { capacity: 1, grid: "g-1" })
        ],
        [need("n-1", {
          tags: ["义诊", "上门"],
          grid: "g-1",
          location: { x: 0, y: 0 },
          urgency: "critical",
          quantity: 2
        })]
      )
      const [proposal] = Matching.propose(l, { ...Matching.defaults, maxCandidates: 5 })
      expect(proposal!.candidates.map((c) => c.resource)).toEqual(["near", "full", "far"])
      for (const c of proposal!.candidates) {
        expect(c.explanation.reduce((n, p) => n + p.points, 0)).toBe(c.score)
      }
      expect(proposal!.candidates[0]!.score).toBe(100)
      const far = proposal!.candidates[2]!
      expect(far.explanation.find((p) => p.factor === "place")!.detail.en).toBe("1500 m away")
      expect(far.explanation.find((p) => p.factor === "tags")!.points).toBe(10)
      const full = proposal!.candidates[1]!
      expect(full.explanation.find((p) => p.factor === "capacity")!.points).toBe(7)
      // the plan ranks the same way and explains its choice with the same points
      const [match] = Matching.plan(l).matches
      expect(match).toMatchObject({ resource: "near", score: 100, amount: 2 })
      const withoutNear = lists(
        l.resources.filter((r) => r.id !== "near").map((r) => Schema.encodeSync(ThreeLists.Resource)(r)),
        l.needs.map((n) => Schema.encodeSync(ThreeLists.Need)(n))
      )
      const [second] = Matching.plan(withoutNear).matches
      expect(second!.resource).toBe("far")
      expect(second!.score).toBe(far.score)
      expect(second!.explanation).toEqual(far.explanation)
    })

    it("skips resources with no capacity left and needs that are not open", () => {
      const l = lists(
        [resource("r-1", { capacity: 2 })],
        [need("n-1"), need("n-2", { status: "solved" })],
        [project("p-1", { allocations: [{ resource: "r-1", amount: 2 }] })]
      )
      expect(Matching.propose(l)).toEqual([{ need: "n-1", candidates: [] }])
      expect(Matching.plan(l)).toEqual({ matches: [], unmatched: ["n-1"] })
    })

    it("plans the most urgent and oldest needs first and never over-commits", () => {
      const l = lists(
        [resource("r-1", { capacity: 3 })],
        [
          need("n-low", { urgency: "low", quantity: 2, raisedOn: "2024-01-01" }),
          need("n-critical", { urgency: "critical", quantity: 2, raisedOn: "2024-05-01" }),
          need("n-high", { urgency: "high", quantity: 1, raisedOn: "2024-05-01" })
        ]
      )
      const plan = Matching.plan(l)
      expect(plan.matches.map((m) => m.need)).toEqual(["n-critical", "n-high"])
      expect(plan.unmatched).toEqual(["n-low"])
    })

    it("no plan ever commits a resource beyond its capacity, and every open need is matched or unmatched (property)", () => {
      const arb = fc.record({
        resources: fc.array(
          fc.record({
            committee: fc.integer({ min: 0, max: 2 }),
            category: fc.constantFrom("health", "repairs", "legal"),
            capacity: fc.integer({ min: 1, max: 6 }),
            used: fc.integer({ min: 0, max: 6 })
          }),
          { maxLength: 12 }
        ),
        needs: fc.array(
          fc.record({
            committee: fc.integer({ min: 0, max: 2 }),
            category: fc.constantFrom("health", "repairs", "legal"),
            quantity: fc.integer({ min: 1, max: 4 }),
            urgency: fc.constantFrom("low", "normal", "high", "critical"),
            status: fc.constantFrom("open", "open", "open", "solved")
          }),
          { maxLength: 30 }
        )
      })
      fc.assert(
        fc.property(arb, (input) => {
          const l = lists(
            input.resources.map((r, i) =>
              resource(`r-${i}`, { grandCommittee: `gc-${r.committee}`, category: r.category, capacity: r.capacity })
            ),
            input.needs.map((n, i) =>
              need(`n-${i}`, {
                grandCommittee: `gc-${n.committee}`,
                category: n.category,
                quantity: n.quantity,
                urgency: n.urgency,
                status: n.status
              })
            ),
            input.resources.flatMap((r, i) =>
              Math.min(r.used, r.capacity) > 0
                ? [project(`p-${i}`, { allocations: [{ resource: `r-${i}`, amount: Math.min(r.used, r.capacity) }] })]
                : []
            )
          )
          const plan = Matching.plan(l)
          for (const m of plan.matches) expect(m.explanation.reduce((n, p) => n + p.points, 0)).toBe(m.score)
          const open = l.needs.filter((n) => n.status === "open").length
          expect(plan.matches.length + plan.unmatched.length).toBe(open)
          const used = new Map(ThreeLists.committed(l))
          for (const m of plan.matches) used.set(m.resource, (used.get(m.resource) ?? 0) + m.amount)
          for (const r of l.resources) expect(used.get(r.id) ?? 0).toBeLessThanOrEqual(r.capacity)
          // accepting every planned match in turn also succeeds and keeps the lists consistent
          let current = l
          plan.matches.forEach((m, i) => {
            current = ok(Matching.accept(current, m, newProject(`new-${i}`)))
          })
          expect(ThreeLists.validate(current)).toEqual([])
        }),
        { numRuns: 200 }
      )
    })

    it("名泉: the plan covers most of the 33 needs from the units' resources", () => {
      const { lists: l } = mingquan()
      const plan = Matching.plan(l)
      expect(plan.matches.length + plan.unmatched.length).toBe(33)
      expect(plan.matches.length).toBeGreaterThan(20)
    })
  })

  describe("accept", () => {
    const l = () =>
      lists([resource("r-1", { capacity: 3 })], [need("n-1", { quantity: 2 }), need("n-2", { quantity: 2 })])

    it("creates a project and marks the need matched, in both call styles", () => {
      const accepted = ok(
        Matching.accept(l(), { need: "n-1" as never, resource: "r-1" as never, amount: 2 }, newProject("p-1"))
      )
      expect(accepted.needs[0]!.status).toBe("matched")
      expect(accepted.projects[0]).toMatchObject({
        id: "p-1",
        status: "agreed",
        needs: ["n-1"],
        allocations: [{ resource: "r-1", amount: 2 }]
      })
      const piped = pipe(
        l(),
        Matching.accept({ need: "n-1" as never, resource: "r-1" as never, amount: 2 }, newProject("p-1"))
      )
      expect(piped).toEqual(Result.succeed(accepted))
    })

    it("adds to an existing project, refuses over-commitment and leaves the lists unchanged", () => {
      const first = ok(
        Matching.accept(l(), { need: "n-1" as never, resource: "r-1" as never, amount: 2 }, newProject("p-1"))
      )
      const before = JSON.stringify(first)
      const over = Matching.accept(first, { need: "n-2" as never, resource: "r-1" as never, amount: 2 }, {
        _tag: "Existing",
        project: "p-1"
      })
      expect(codesOf(over)).toEqual(["AGREEMENT_OVER_COMMITMENT"])
      expect(JSON.stringify(first)).toBe(before)
      const fits = ok(
        Matching.accept(first, { need: "n-2" as never, resource: "r-1" as never, amount: 1 }, {
          _tag: "Existing",
          project: "p-1"
        })
      )
      expect(fits.projects).toHaveLength(1)
      expect(fits.projects[0]!.needs).toEqual(["n-1", "n-2"])
    })

    it("reports closed needs, unknown references, bad amounts, finished projects and duplicate project ids", () => {
      const first = ok(
        Matching.accept(l(), { need: "n-1" as never, resource: "r-1" as never, amount: 1 }, newProject("p-1"))
      )
      expect(
        codesOf(
          Matching.accept(first, { need: "n-1" as never, resource: "r-1" as never, amount: 1 }, newProject("p-2"))
        )
      ).toEqual([
        "AGREEMENT_NEED_CLOSED"
      ])
      expect(
        codesOf(
          Matching.accept(first, { need: "n-9" as never, resource: "r-9" as never, amount: 1 }, {
            _tag: "Existing",
            project: "p-9"
          })
        )
      ).toEqual([
        "AGREEMENT_UNKNOWN_REFERENCE",
        "AGREEMENT_UNKNOWN_REFERENCE",
        "AGREEMENT_UNKNOWN_REFERENCE"
      ])
      expect(
        codesOf(
          Matching.accept(first, { need: "n-2" as never, resource: "r-1" as never, amount: 0 }, newProject("p-1"))
        )
      ).toEqual([
        "AGREEMENT_QUANTITY_NOT_POSITIVE",
        "AGREEMENT_DUPLICATE_ID"
      ])
      const done = { ...first, projects: first.projects.map((p) => ({ ...p, status: "done" as const })) }
      expect(
        codesOf(
          Matching.accept(done, { need: "n-2" as never, resource: "r-1" as never, amount: 1 }, {
            _tag: "Existing",
            project: "p-1"
          })
        )
      ).toEqual([
        "AGREEMENT_PROJECT_STATUS"
      ])
      const bad = Matching.accept(first, { need: "n-2" as never, resource: "r-1" as never, amount: 1 }, {
        _tag: "New",
        project: "p-2",
        name: "",
        owner: "社区",
        budget: -5,
        due: "2024-02-30"
      })
      expect(codesOf(bad)).toEqual(expect.arrayContaining(["AGREEMENT_AMOUNT_NEGATIVE", "CORE_DATE_INVALID"]))
      expect(issuesOf(bad).every((i) => i.path[0] === "project")).toBe(true)
      expectWellFormed(issuesOf(bad))
    })
  })
})
