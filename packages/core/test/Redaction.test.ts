import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Redaction } from "../src/index.js"

describe("Redaction", () => {
  describe("masking", () => {
    it("masks the seeds' names the way notices show them", () => {
      expect(Redaction.maskName("哈安喜")).toBe("哈*喜")
      expect(Redaction.maskName("周玉宏")).toBe("周*宏")
      expect(Redaction.maskName("王小佑")).toBe("王*佑")
      expect(Redaction.maskName("王佑")).toBe("王*")
      expect(Redaction.maskName("欧阳小明")).toBe("欧阳**")
      expect(Redaction.maskName("司马光")).toBe("司马*")
      expect(Redaction.maskName("欧阳")).toBe("欧*")
      expect(Redaction.maskName("王")).toBe("*")
      expect(Redaction.maskName("J Smith")).toBe("* S****")
      expect(Redaction.maskName("张三丰之")).toBe("张**之")
      expect(Redaction.maskName("阿依古丽·买买提")).toBe("阿***·买**")
      expect(Redaction.maskName("John Smith")).toBe("J*** S****")
      expect(Redaction.maskName("  ")).toBe("")
    })
    it("masks phone numbers", () => {
      expect(Redaction.maskPhone("13812341234")).toBe("138****1234")
      expect(Redaction.maskPhone("138-1234-1234")).toBe("138****1234")
      expect(Redaction.maskPhone("+86 13812341234")).toBe("+86 138****1234")
      expect(Redaction.maskPhone("0710-1234567")).toBe("0710-***4567")
      expect(Redaction.maskPhone("02712345678")).toBe("027****5678")
      expect(Redaction.maskPhone("12345")).toBe("*****")
    })
    it("masks ID card numbers", () => {
      expect(Redaction.maskIdCard("420102199001011234")).toBe("420***********1234")
      expect(Redaction.maskIdCard("42010219900101123X")).toBe("420***********123X")
      expect(Redaction.maskIdCard("420102900101123")).toBe("420********1123")
      expect(Redaction.maskIdCard("1234")).toBe("****")
    })
    it("finds phones and ID numbers in free text", () => {
      expect(Redaction.redactText("联系电话 13812341234，身份证 420102199001011234，座机 0710-1234567")).toBe(
        "联系电话 138****1234，身份证 420***********1234，座机 0710-***4567"
      )
      expect(Redaction.redactText("门牌 12 号，积分 400")).toBe("门牌 12 号，积分 400")
    })
    it("never shows more than the first and last character of a Chinese name (property)", () => {
      const han = fc.constantFrom(
        ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
      )
      fc.assert(fc.property(fc.array(han, { minLength: 2, maxLength: 5 }), (chars) => {
        const name = chars.join("")
        const masked = Array.from(Redaction.maskName(name))
        expect(masked).toHaveLength(chars.length)
        expect(masked[0]).toBe(chars[0])
        const shown = masked.filter((c) => c !== "*").length
        expect(shown).toBeLessThanOrEqual(2)
        expect(masked.slice(1, -1).every((c) => c === "*")).toBe(true)
      }))
    })
  })

  describe("free text", () => {
    const checkCharacter = (digits17: string) => {
      const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
      let sum = 0
      for (let i = 0; i < 17; i++) sum += Number(digits17[i]) * weights[i]!
      return "10X98765432"[sum % 11]!
    }
    const luhnDigit = (body: string) => {
      for (let d = 0; d <= 9; d++) if (Redaction.isBankCardNumber(body + d)) return String(d)
      throw new Error("no Luhn digit")
    }

    it("masks the grid field of the issue's notice: mobile and ID number", () => {
      expect(Redaction.maskText("网格员电话13812345678 身份证110101199003071234")).toBe(
        "网格员电话138****5678 身份证110***********1234"
      )
    })
    it("checks the GB 11643 check character of resident ID numbers", () => {
      expect(Redaction.isResidentIdNumber("11010519491231002X")).toBe(true)
      expect(Redaction.isResidentIdNumber("11010519491231002x")).toBe(true)
      expect(Redaction.isResidentIdNumber("110105194912310021")).toBe(false)
      expect(Redaction.isResidentIdNumber("110101199003071233")).toBe(true)
      expect(Redaction.isResidentIdNumber("1101011990030712")).toBe(false)
      expect(Redaction.isResidentIdNumber("11010119900307123a")).toBe(false)
      expect(Redaction.isResidentIdNumber(42 as unknown as string)).toBe(false)
    })
    it("checks bank card numbers with Luhn", () => {
      expect(Redaction.isBankCardNumber("6222021234567890128")).toBe(true)
      expect(Redaction.isBankCardNumber("4111111111111111")).toBe(true)
      expect(Redaction.isBankCardNumber("4111111111111112")).toBe(false)
      expect(Redaction.isBankCardNumber("41111111111")).toBe(false)
      expect(Redaction.isBankCardNumber("41111111111x1111")).toBe(false)
    })
    it("masks ID numbers with an X, bank cards in groups, e-mail addresses and full-width digits", () => {
      expect(Redaction.maskText("身份证11010519491231002X。")).toBe("身份证110***********002X。")
      expect(Redaction.maskText("卡号 6222 0212 3456 7890 128，门牌 12 号，积分 400")).toBe(
        "卡号 6222 **** **** ***0 128，门牌 12 号，积分 400"
      )
      expect(Redaction.maskText("卡号6222021234567890128")).toBe("卡号6222***********0128")
      expect(Redaction.maskText("邮箱 wang.xiao@example.com，QQ邮箱 13812345678@qq.com")).toBe(
        "邮箱 w***@example.com，QQ邮箱 1***@qq.com"
      )
      expect(Redaction.maskText("电话 138-1234-5678 或 +86 138 1234 5678 或 8613812345678")).toBe(
        "电话 138-****-5678 或 +86 138 **** 5678 或 86138****5678"
      )
      expect(Redaction.maskText("电话１３８１２３４５６７８")).toBe("电话１３８****５６７８")
      expect(Redaction.maskText("ID42010219900101123X")).toBe("ID420***********123X")
    })
    it("masks a lone run of 15 digits or more even when no check digit fits, and leaves dates and amounts", () => {
      expect(Redaction.maskText("13812345678420102199001011234")).toBe("138**********************1234")
      expect(Redaction.maskText("旧身份证 420102900101123")).toBe("旧身份证 420********1123")
      expect(Redaction.maskText("卡 6222021234567890123")).toBe("卡 622************0123")
      expect(Redaction.maskText("2024-01-01 12:00 发放 300000 分，第 2024 2025 期，凭证 20240101123045")).toBe(
        "2024-01-01 12:00 发放 300000 分，第 2024 2025 期，凭证 20240101123045"
      )
    })
    it("never throws and gives nothing for what is not a string", () => {
      for (
        const value of [undefined, null, 1, {}, Symbol("s"), new Proxy({}, {
          get: () => {
            throw new Error("x")
          }
        })]
      ) {
        expect(Redaction.maskText(value as unknown as string)).toBe("")
        expect(Redaction.maskName(value as unknown as string)).toBe("")
        expect(Redaction.maskPhone(value as unknown as string)).toBe("")
        expect(Redaction.maskIdCard(value as unknown as string)).toBe("")
        expect(Redaction.maskBankCard(value as unknown as string)).toBe("")
        expect(Redaction.maskEmail(value as unknown as string)).toBe("")
      }
      fc.assert(
        fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
          expect(typeof Redaction.maskText(text)).toBe("string")
        }),
        { numRuns: 500 }
      )
    })
    it("leaves no planted phone, ID, card or e-mail readable, whatever surrounds it (property)", () => {
      const filler = fc.string({ unit: fc.constantFrom(..."网格员电话身份证卡号，。 ："), minLength: 1, maxLength: 6 })
      const mobile = fc.tuple(fc.constantFrom("3", "5", "7", "8", "9"), fc.stringMatching(/^\d{9}$/)).map(([b, r]) =>
        `1${b}${r}`
      )
      const id = fc.stringMatching(/^\d{17}$/).map((d) => d + checkCharacter(d))
      const card = fc.stringMatching(/^62\d{14}$/).map((d) => d + luhnDigit(d))
      const email = fc.tuple(fc.stringMatching(/^[a-z]{2,8}$/), fc.constantFrom("qq.com", "163.com", "example.cn")).map(
        (
          [l, d]
        ) => `${l}@${d}`
      )
      const secret = fc.oneof(mobile, id, card, email)
      fc.assert(
        fc.property(fc.array(fc.tuple(filler, secret), { minLength: 1, maxLength: 4 }), filler, (parts, tail) => {
          const text = parts.map(([f, s]) => f + s).join("") + tail
          const masked = Redaction.maskText(text)
          for (const [, s] of parts) {
            expect(masked.includes(s)).toBe(false)
          }
          // what is not personal data stays: the filler characters are all still there, in order
          expect(masked.replace(/[\d*Xx@.a-z]/g, "")).toBe(text.replace(/[\dXx@.a-z]/g, ""))
        }),
        { numRuns: 500 }
      )
    })
    it("stays linear on long hostile texts", () => {
      expect(Redaction.maskText("a.".repeat(200_000) + "@x").length).toBe(400_002)
      expect(Redaction.maskText("13812345678 ".repeat(20_000))).toBe("138****5678 ".repeat(20_000))
    })
  })

  describe("csv", () => {
    it("neutralises cells that would start a formula (OWASP)", () => {
      expect(Redaction.csvCell("=HYPERLINK(\"http://evil\",\"点我\")")).toBe("'=HYPERLINK(\"http://evil\",\"点我\")")
      for (const trigger of ["=", "+", "-", "@", "\t", "\r", "\n", "\u0000"]) {
        expect(Redaction.csvCell(`${trigger}1+1`)).toBe(`'${trigger}1+1`)
      }
      expect(Redaction.formulaTriggers).toHaveLength(8)
      expect(Redaction.csvCell("哈*喜")).toBe("哈*喜")
      expect(Redaction.csvCell("'already")).toBe("'already")
      expect(Redaction.csvCell(-5)).toBe("-5")
      expect(Redaction.csvCell(true)).toBe("true")
      expect(Redaction.csvCell(null)).toBe("")
      expect(Redaction.csvCell(undefined)).toBe("")
      expect(Redaction.csvCell({} as unknown as string)).toBe("")
    })
    it("never gives a text cell that starts with a trigger (property)", () => {
      fc.assert(
        fc.property(fc.string({ unit: "binary", maxLength: 20 }), (text) => {
          const cell = Redaction.csvCell(text)
          expect(Redaction.formulaTriggers.includes(cell[0] ?? "")).toBe(false)
          expect(cell.endsWith(text)).toBe(true)
        }),
        { numRuns: 1000 }
      )
    })
    it("writes RFC 4180 lines of safe cells", () => {
      expect(Redaction.csvLine(["哈*喜", 400, "=1+1", "a,b", "say \"hi\"", null])).toBe(
        "哈*喜,400,'=1+1,\"a,b\",\"say \"\"hi\"\"\","
      )
      expect(Redaction.csvLine(
        new Proxy(["a"], {
          get: () => {
            throw new Error("x")
          }
        })
      )).toBe("")
    })
  })
})
