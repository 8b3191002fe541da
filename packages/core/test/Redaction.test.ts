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
      expect(Redaction.maskName("王")).toBe("王")
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
})
