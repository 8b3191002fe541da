import {
  Assessment,
  Consequence,
  Expression,
  Grade,
  Inputs,
  Method,
  Plan,
  Presets,
  Ranking,
  Rounding
} from "@gongzhi/assessment-scoring"
import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"

const ctx = <S>(max: number, state: S, group?: string): Method.Context<S> => ({
  max,
  indicatorId: "x",
  state,
  subject: { id: "s", group, attributes: {} }
})
const pts = (out: number | Method.Outcome) => (typeof out === "number" ? out : out.points)

describe("Method", () => {
  describe("peers", () => {
    it("knows which methods read the peers in prepare, and can be told", () => {
      expect(Method.rank.usesPeers).toBe(true)
      expect(Method.bands.usesPeers).toBe(false)
      expect(Method.linear.usesPeers).toBe(false)
      const base = {
        name: "x",
        label: { zh: "x", en: "x" },
        config: Schema.Unknown,
        input: Schema.Finite,
        score: () => 0
      }
      expect(Method.defineMethod({ ...base, prepare: (_config: unknown) => 1, usesPeers: false }).usesPeers).toBe(false)
      expect(
        Method.defineMethod({ ...base, prepare: (...args: ReadonlyArray<unknown>) => args.length, usesPeers: true })
          .usesPeers
      ).toBe(true)
    })
    it("gives its peers to a prepare with a default parameter when it declares usesPeers (length 1)", () => {
      // regression: peers were inferred from `prepare.length`, which is 1 here, so the method scored 0/0
      const prepare = (_config: unknown, peers: ReadonlyArray<Method.PeerInput<number>> = []) =>
        Math.max(0, ...peers.map((p) => p.input))
      expect(prepare.length).toBe(1)
      const relative = Method.defineMethod({
        name: "relative",
        label: { zh: "相对最高值", en: "relative to the best" },
        config: Schema.Struct({}),
        input: Schema.Finite,
        usesPeers: true,
        prepare,
        score: (value: number, _config, context) => (context.state === 0 ? 0 : (context.max * value) / context.state)
      })
      const registry = Result.getOrThrow(Method.register(Method.builtins, relative))
      const plan: Plan.Plan = {
        kind: "assessment-plan",
        schemaVersion: 1,
        id: "rel",
        version: "1",
        name: { zh: "相对", en: "relative" },
        subject: { zh: "对象", en: "subject" },
        maxTotal: 100,
        indicators: [{ id: "x", label: { zh: "x", en: "x" }, max: 100, method: { name: "relative", config: {} } }]
      }
      const result = Result.getOrThrow(Assessment.score(
        plan,
        Inputs.make("rel", [
          { id: "a", values: { x: 30 } },
          { id: "b", values: { x: 100 } }
        ]),
        { registry }
      ))
      expect(result.subjects.map((s) => s.total)).toEqual([30, 100])
    })
    it("refuses at registration a plug-in whose prepare does not declare usesPeers, and other broken members", () => {
      const plugin = { ...Method.rank, usesPeers: undefined } as unknown as Method.Any
      const refused = Method.register(Method.builtins, { ...plugin, name: "rank2" })
      expect(Result.isFailure(refused) && refused.failure.issues.map((i) => [i.code, i.path])).toEqual([
        ["ASSESS_METHOD_INVALID", ["usesPeers"]]
      ])
      const broken = { name: "", score: 1, usesPeers: true } as unknown as Method.Any
      const paths = Method.check(broken).map((i) => i.path[0])
      expect(paths).toEqual(["name", "label", "config", "input", "inputDescription", "guard", "checkConfig", "score",
        "usesPeers"])
      const hostile = new Proxy({}, {
        get: () => {
          throw new Error("boom")
        }
      })
      expect(Method.check(hostile).length).toBeGreaterThan(0)
      expect(Method.check(null).map((i) => i.code)).toEqual(["ASSESS_METHOD_INVALID"])
    })
    it("a plan refuses a hand-made registry's plug-in that does not declare usesPeers", () => {
      const plugin = {
        ...Method.linear,
        name: "lin",
        prepare: () => undefined,
        usesPeers: undefined
      } as unknown as Method.Any
      const registry: Method.Registry = { methods: new Map([...Method.builtins.methods, ["lin", plugin]]) }
      const plan = {
        ...Presets.branchStars,
        indicators: [
          { id: "x", label: { zh: "x", en: "x" }, max: 100, method: { name: "lin", config: { floor: 0, target: 10 } } }
        ],
        formula: undefined
      }
      const compiled = Plan.compile(plan as unknown as Plan.Plan, registry)
      expect(Result.isFailure(compiled) && compiled.failure.issues.map((i) => [i.code, i.path])).toEqual([
        ["ASSESS_METHOD_INVALID", ["indicators", 0, "method", "usesPeers"]]
      ])
    })
    it("gives a method that reads the peers every subject's input, and one that does not none", () => {
      const seen: Array<string> = []
      const probe = (name: string, readsPeers: boolean) =>
        Method.defineMethod({
          name,
          label: { zh: name, en: name },
          config: Schema.Unknown,
          input: Schema.Finite,
          usesPeers: readsPeers,
          prepare: (_config: unknown, peers: ReadonlyArray<Method.PeerInput<number>>) => {
            seen.push(`${name}:${peers.length}`)
            return undefined
          },
          score: (value) => value
        })
      const registry = Result.getOrThrow(
        Result.flatMap(Method.register(Method.builtins, probe("peers", true)), Method.register(probe("alone", false)))
      )
      const plan: Plan.Plan = {
        kind: "assessment-plan",
        schemaVersion: 1,
        id: "p",
        version: "1",
        name: { zh: "p", en: "p" },
        subject: { zh: "s", en: "s" },
        maxTotal: 2,
        indicators: [
          { id: "a", label: { zh: "a", en: "a" }, max: 1, method: { name: "peers", config: null } },
          { id: "b", label: { zh: "b", en: "b" }, max: 1, method: { name: "alone", config: null } }
        ]
      }
      const inputs = Inputs.make("p", ["s1", "s2", "s3"].map((id) => ({ id, values: { a: 1, b: 1 } })))
      expect(Result.isSuccess(Assessment.score(plan, inputs, { registry }))).toBe(true)
      expect(seen).toEqual(["peers:3", "alone:0"])
    })
  })
  describe("fingerprints", () => {
    it("does not depend on key order, even when objects of one shape repeat", () => {
      const a = { subjects: [{ x: 1, y: 2 }, { x: 3, y: 4 }, { y: 6, x: 5 }] }
      const b = { subjects: [{ y: 2, x: 1 }, { y: 4, x: 3 }, { x: 5, y: 6 }] }
      expect(Assessment.inputsHash(a)).toBe(Assessment.inputsHash(b))
      expect(Assessment.inputsHash({ x: 1, y: undefined })).toBe(Assessment.inputsHash({ x: 1 }))
      expect(Assessment.inputsHash({ subjects: [{ x: 1, y: 2 }, { x: 1, y: 3 }] })).not.toBe(
        Assessment.inputsHash({ subjects: [{ x: 1, y: 2 }, { x: 1, y: 2 }] })
      )
    })
  })
  describe("methods", () => {
    it("linear handles lower-is-better and clamps", () => {
      expect(Method.linear.score(5, { floor: 10, target: 0 }, ctx(10, undefined))).toBe(5)
      expect(Method.linear.score(-3, { floor: 0, target: 10 }, ctx(10, undefined))).toBe(0)
      expect(Method.linear.score(30, { floor: 0, target: 10 }, ctx(10, undefined))).toBe(10)
    })
    it("bands apply the first, unique and max hit policies and the default", () => {
      const bands = [{ min: 0, below: 10, points: 2 }, { min: 5, points: 8 }]
      const st = Method.bands.prepare!({ hitPolicy: "first", bands }, [])
      expect(pts(Method.bands.score(7, { hitPolicy: "first", bands }, ctx(10, st)))).toBe(2)
      expect(pts(Method.bands.score(7, { hitPolicy: "max", bands }, ctx(10, st)))).toBe(8)
      expect(pts(Method.bands.score(-1, { hitPolicy: "first", bands, otherwise: 1 }, ctx(10, st)))).toBe(1)
      expect(Method.bands.checkConfig({ hitPolicy: "unique", bands }, 10).map((i) => i.code)).toEqual([
        "ASSESS_BANDS_OVERLAP"
      ])
      expect(
        Method.bands.checkConfig({ hitPolicy: "first", bands: [{ min: 5, below: 5, points: 1 }] }, 10).map((i) =>
          i.code
        )
      ).toEqual(["ASSESS_RANGE_INVALID"])
      expect(
        Method.bands.checkConfig({ hitPolicy: "unique", bands: [{ below: 5, points: 1 }, { min: 5, points: 2 }] }, 10)
      ).toEqual([])
    })
    it("bands score from their prepared bounds and hand back one frozen outcome per band, as the config's own bands would", () => {
      const bands = [{ below: 2, points: 0 }, { min: 2, below: 6, points: 5 }, { min: 4, points: 10 }]
      for (const hitPolicy of ["first", "max"] as const) {
        const config: Method.BandsConfig = { hitPolicy, bands, otherwise: 3 }
        const st = Method.bands.prepare!(config, [])
        expect([...st.min]).toEqual([-Infinity, 2, 4])
        expect([...st.below]).toEqual([2, 6, Infinity])
        for (const value of [-5, 0, 1.999, 2, 3, 4, 5.5, 6, 100]) {
          const prepared = Method.bands.score(value, config, ctx(10, st))
          // the same value from the config itself (a state prepared for another config is not used)
          const fresh = Method.bands.score(value, { ...config }, ctx(10, st))
          expect(prepared).toEqual(fresh)
          expect(Object.isFrozen(prepared)).toBe(true)
          expect(Method.bands.score(value, config, ctx(10, st))).toBe(prepared)
        }
        expect(pts(Method.bands.score(5, config, ctx(10, st)))).toBe(hitPolicy === "first" ? 5 : 10)
      }
      const gaps: Method.BandsConfig = { hitPolicy: "first", bands: [{ min: 0, below: 1, points: 1 }], otherwise: 2 }
      const st = Method.bands.prepare!(gaps, [])
      expect(Method.bands.score(5, gaps, ctx(10, st))).toBe(st.otherwise)
      expect(st.otherwise).toMatchObject({ points: 2, note: { en: "no band matched" } })
    })
    it("ratio is capped at the target", () => {
      expect(Method.ratio.score(120, { target: 60 }, ctx(20, undefined))).toBe(20)
      expect(Method.ratio.checkInput!(-1, { target: 60 }, ctx(20, undefined)).map((i) => i.code)).toEqual([
        "ASSESS_INPUT_OUT_OF_RANGE"
      ])
    })
    it("rank gives the best the maximum and the worst zero, within groups", () => {
      const config = { order: "lower-is-better" as const, among: "group" as const }
      const peers = [["a", 1, "g1"], ["b", 2, "g1"], ["c", 3, "g1"], ["d", 9, "g2"]] as const
      const state = Method.rank.prepare!(
        config,
        peers.map(([id, v, g]) => ({ input: v, subject: { id, group: g, attributes: {} } }))
      )
      expect(pts(Method.rank.score(1, config, ctx(10, state, "g1")))).toBe(10)
      expect(pts(Method.rank.score(3, config, ctx(10, state, "g1")))).toBe(0)
      expect(pts(Method.rank.score(9, config, ctx(10, state, "g2")))).toBe(10)
    })
    it("checklist counts each item once and rejects duplicates in its config", () => {
      const config = {
        items: [{ id: "a", label: { zh: "a", en: "a" }, points: 3 }, {
          id: "b",
          label: { zh: "b", en: "b" },
          points: 4
        }]
      }
      const state = Method.checklist.prepare!(config, [])
      expect(pts(Method.checklist.score(["a", "a", "b"], config, ctx(10, state)))).toBe(7)
      expect(Method.checklist.checkConfig({ items: [config.items[0]!, config.items[0]!] }, 10).map((i) => i.code))
        .toEqual(["ASSESS_DUPLICATE_ID"])
    })
    it("guards reject the wrong types", () => {
      expect(Method.deductionPerOccurrence.guard(1.5)).toBe(false)
      expect(Method.manual.guard({ points: 1, justification: "x", by: 3 })).toBe(false)
      expect(Method.expression.guard(undefined)).toBe(false)
      expect(Method.checklist.guard(["a", 1])).toBe(false)
    })
    it("the registry lists the eight built-ins", () => {
      expect(Method.names(Method.builtins)).toEqual(["bands", "checklist", "deduction-per-occurrence", "expression",
        "linear", "manual", "rank", "ratio"])
      expect(Method.get(Method.builtins, "nope")).toBeUndefined()
    })
  })
})

describe("Expression", () => {
  describe("constructors", () => {
    it("compiles JSON Logic and evaluates it; run-time errors give undefined", () => {
      const c = Result.getOrThrow(Expression.compile({ "/": [1, { "var": "x" }] }))
      expect(c.evaluate({ x: 4 })).toBe(0.25)
      expect(Result.isFailure(Expression.compile({ "/": [1, 0] }))).toBe(true)
      const throwing = Result.getOrThrow(Expression.compile({ "+": [{ "var": "a" }, 1] }))
      expect(throwing.evaluate({ a: "x" })).toBeUndefined()
      expect(Expression.truthy(0)).toBe(false)
      expect(Expression.truthy([1])).toBe(true)
    })
  })
})

describe("Rounding", () => {
  describe("combinators", () => {
    it("rounds by each mode", () => {
      expect(Rounding.round(2.675, { places: 2, mode: "half-up" })).toBe(2.68)
      expect(Rounding.round(2.5, { places: 0, mode: "half-even" })).toBe(2)
      expect(Rounding.round(3.5, { places: 0, mode: "half-even" })).toBe(4)
      expect(Rounding.round(2.6, { places: 0, mode: "half-even" })).toBe(3)
      expect(Rounding.round(2.4, { places: 0, mode: "half-even" })).toBe(2)
      expect(Rounding.round(2.01, { places: 0, mode: "up" })).toBe(3)
      expect(Rounding.round(2.99, { places: 0, mode: "down" })).toBe(2)
      expect(Rounding.round(-2.5, { places: 0, mode: "half-up" })).toBe(-3)
      expect(Object.is(Rounding.round(-0.2, { places: 0, mode: "half-up" }), 0)).toBe(true)
    })
  })
})

describe("Grade", () => {
  describe("combinators", () => {
    const grading: Grade.Grades = {
      bands: [
        { id: "a", label: { zh: "甲", en: "a" }, min: 90 },
        { id: "b", label: { zh: "乙", en: "b" }, min: 60 },
        { id: "c", label: { zh: "丙", en: "c" }, min: 0 }
      ],
      quotas: [
        { grade: "a", numerator: 1, denominator: 2, scope: "group", tie: "by-subject-id" },
        { grade: "b", numerator: 1, denominator: 2, scope: "plan", tie: "exclude-tied", overflowTo: "c" }
      ]
    }
    it("applies group quotas by id on ties, then cascades to the next grade's quota", () => {
      const candidates: Array<Grade.Candidate> = [
        { id: "x1", total: 95, group: "g", grade: "a", fixed: false },
        { id: "x2", total: 95, group: "g", grade: "a", fixed: false },
        { id: "y1", total: 95, group: "h", grade: "a", fixed: false },
        { id: "y2", total: 70, group: "h", grade: "b", fixed: false }
      ]
      const { grades, outcomes } = Grade.applyQuotas(grading, candidates)
      expect([...grades.entries()]).toEqual([["x1", "a"], ["x2", "b"], ["y1", "a"], ["y2", "b"]])
      expect(outcomes.map((o) => o.grade)).toEqual(["a", "a", "b"])
      expect(outcomes[2]!.demoted).toEqual([])
    })
    it("a fixed holder uses up a quota place", () => {
      const { grades } = Grade.applyQuotas(
        {
          bands: grading.bands,
          quotas: [{ grade: "a", numerator: 1, denominator: 2, scope: "plan", tie: "exclude-tied" }]
        },
        [
          { id: "f", total: 10, group: undefined, grade: "a", fixed: true },
          { id: "g", total: 99, group: undefined, grade: "a", fixed: false }
        ]
      )
      expect(grades.get("g")).toBe("b")
    })
    it("limit is floor(n × numerator / denominator)", () => {
      expect(Grade.limit({ grade: "a", numerator: 30, denominator: 100, scope: "plan", tie: "exclude-tied" }, 19)).toBe(
        5
      )
      expect(Grade.bandIndex(grading.bands, -5)).toBe(2)
    })
  })
})

describe("Ranking", () => {
  describe("combinators", () => {
    it("ranks within groups, competition or dense", () => {
      const entries = [
        { id: "a", total: 9, group: "x" },
        { id: "b", total: 9, group: "x" },
        { id: "c", total: 5, group: "x" },
        { id: "d", total: 1, group: "y" }
      ]
      const places = Ranking.rank(entries, { mode: "competition", scope: "group" })
      expect(places.get("c")).toEqual({ rank: 3, peers: 3 })
      expect(places.get("d")).toEqual({ rank: 1, peers: 1 })
      expect(Ranking.rank(entries, { mode: "dense", scope: "group" }).get("c")?.rank).toBe(2)
    })
  })
})

describe("Consequence", () => {
  describe("predicates", () => {
    it("does not fire when the facts do not match", () => {
      const facts: Consequence.Facts = {
        subjectId: "s",
        total: 50,
        grade: undefined,
        gradeLabel: undefined,
        rank: undefined,
        vetoes: [],
        attributes: {},
        group: undefined,
        points: {}
      }
      expect(Consequence.fires({ _tag: "Grade", grades: ["a"] }, facts, undefined)).toBeUndefined()
      expect(Consequence.fires({ _tag: "Veto" }, facts, undefined)).toBeUndefined()
      expect(Consequence.fires({ _tag: "Rank", top: 3 }, facts, undefined)).toBeUndefined()
      expect(
        Consequence.fires(
          { _tag: "Rule", logic: { ">": [{ "var": "total" }, 60] } },
          facts,
          Result.getOrThrow(Expression.compile({ ">": [{ "var": "total" }, 60] }))
        )
      ).toBeUndefined()
      expect(Consequence.apply({ id: "x", kind: "replacement", when: { _tag: "Veto" } }, facts, undefined))
        .toBeUndefined()
    })
  })
})
