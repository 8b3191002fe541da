import { ValidationReport } from "@gongzhi/core"
import { describe, expect, it } from "vitest"
import { runCoBuildingAgreementDemo } from "../../../examples/co-building-agreement.js"
import { Presets } from "../src/index.js"

describe("demo", () => {
  describe("examples", () => {
    it("runs a year of 名泉 co-building and prints fulfilment per unit, the 平利 wish and a 綦江 whistle", () => {
      const text = runCoBuildingAgreementDemo()
      expect(text).toContain("15 agreements (共驻共建协议书), ¥300,000.00 (30万元) a year")
      expect(text).toContain("in every agreement: true")
      expect(text).toContain("conform to the standard template: 15/15")
      expect(text).toMatch(/2 held \(2024-01-18, 2024-07-11\)/)
      for (const unit of ["荆门市第二人民医院", "名泉派出所", "荆门市自来水公司"]) expect(text).toContain(unit)
      expect(text).toContain("posted 2024-03-04 to 22 co-building units")
      expect(text).toContain("delivered 2024-03-11 — 7 days after posting")
      expect(text).toContain("AGREEMENT_WISH_ALREADY_CLAIMED")
      expect(text).toContain("fallen-back")
      expect(text).toMatch(/property\s+called\s+on site after 46 min: late/)
      expect(text).toMatch(/bank\s+proactive/)
      expect(text).toContain("52 problems from 8 branches → 20 solved by the community, 32 need the grand committee")
      expect(text).toContain("4 errors, 0 warnings")
      expect(runCoBuildingAgreementDemo()).toBe(text)
    })
  })

  describe("the 名泉 scenario", () => {
    it("is the year 2024 with seed 2024 when no options are given, and refuses a year out of range", () => {
      expect(JSON.stringify(Presets.mingquanScenario())).toBe(
        JSON.stringify(Presets.mingquanScenario({ year: 2024, seed: 2024 }))
      )
      expect(Presets.mingquanScenario({ year: 2025 }).agreements[0]?.term.start).toBe("2025-01-01")
      expect(() => Presets.mingquanScenario({ year: 99_999 })).toThrow(ValidationReport.DomainError)
    })
  })
})
