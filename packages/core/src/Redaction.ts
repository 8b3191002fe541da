/**
 * Masking personal data for public notices (公示): names, mobile and landline
 * numbers, and resident ID card numbers. Every package's public-notice export uses
 * these functions, so a county's notices are masked the same way everywhere.
 *
 * @since 0.1.0
 */

/**
 * Two-character Chinese surnames (复姓) kept whole when a name is masked.
 *
 * @example
 * ```ts
 * import { Redaction } from "@gongzhi/core"
 *
 * console.log(Redaction.compoundSurnames.includes("欧阳")) // true
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const compoundSurnames: ReadonlyArray<string> = [
  "欧阳",
  "司马",
  "上官",
  "诸葛",
  "东方",
  "皇甫",
  "尉迟",
  "公孙",
  "慕容",
  "长孙",
  "宇文",
  "司徒",
  "司空",
  "夏侯",
  "轩辕",
  "令狐",
  "钟离",
  "闾丘",
  "端木",
  "西门",
  "南宫",
  "独孤",
  "澹台",
  "公冶",
  "濮阳",
  "太史",
  "申屠",
  "万俟",
  "呼延",
  "赫连",
  "完颜",
  "拓跋",
  "百里",
  "东郭",
  "第五",
  "左丘",
  "淳于",
  "单于",
  "仲孙"
]

const mask = "*"

const maskCjkName = (name: string): string => {
  const chars = Array.from(name)
  const surname = chars.length > 2 && compoundSurnames.includes(chars.slice(0, 2).join("")) ? 2 : 1
  if (surname === 2) return chars.slice(0, 2).join("") + mask.repeat(chars.length - 2)
  if (chars.length <= 2) return chars[0] + mask.repeat(chars.length - 1)
  return chars[0] + mask.repeat(chars.length - 2) + chars[chars.length - 1]
}

const maskWord = (word: string): string => {
  const chars = Array.from(word)
  return chars.length <= 1 ? word : chars[0] + mask.repeat(chars.length - 1)
}

const cjk = /\p{Script=Han}/u

/**
 * Masks a person's name for a public notice: `王小佑` → `王*佑`, `王佑` → `王*`,
 * `欧阳小明` → `欧阳**`, `阿依古丽·买买提` → `阿***·买**`, `John Smith` → `J*** S****`.
 *
 * @example
 * ```ts
 * import { Redaction } from "@gongzhi/core"
 *
 * console.log(Redaction.maskName("哈安喜")) // "哈*喜"
 * console.log(Redaction.maskName("欧阳小明")) // "欧阳**"
 * ```
 *
 * @category masking
 * @since 0.1.0
 */
export const maskName = (name: string): string => {
  const trimmed = name.trim()
  if (trimmed === "") return trimmed
  if (/[·•・]/.test(trimmed)) {
    return trimmed.split(/([·•・])/).map((part, i) => (i % 2 === 1 ? part : maskWord(part))).join("")
  }
  if (cjk.test(trimmed) && !/\s/.test(trimmed)) return maskCjkName(trimmed)
  return trimmed.split(/(\s+)/).map((part) => (/^\s+$/.test(part) ? part : maskWord(part))).join("")
}

/**
 * Masks a phone number: a mobile keeps its first 3 and last 4 digits (`138****1234`),
 * a landline its area code and last 4 digits (`0710-***4567`). Separators and a `+86`
 * prefix are kept; text that is not a phone number is masked whole.
 *
 * @example
 * ```ts
 * import { Redaction } from "@gongzhi/core"
 *
 * console.log(Redaction.maskPhone("13812341234")) // "138****1234"
 * console.log(Redaction.maskPhone("0710-1234567")) // "0710-***4567"
 * ```
 *
 * @category masking
 * @since 0.1.0
 */
export const maskPhone = (phone: string): string => {
  const trimmed = phone.trim()
  const mobile = /^(\+?86[\s-]?)?(1\d{2})[\s-]?(\d{4})[\s-]?(\d{4})$/.exec(trimmed)
  if (mobile !== null) return `${mobile[1] ?? ""}${mobile[2]}****${mobile[4]}`
  // Area codes 010 and 02x have three digits, all others four (the national numbering plan).
  const landline = /^(0[12]\d|0[3-9]\d{2})([\s-]?)(\d{7,8})$/.exec(trimmed)
  if (landline !== null) {
    const local = landline[3]!
    return `${landline[1]}${landline[2]}${mask.repeat(local.length - 4)}${local.slice(-4)}`
  }
  return trimmed.replace(/\d/g, mask)
}

/**
 * Masks a resident ID card number (居民身份证号, 18 or 15 characters) keeping the
 * first 3 and last 4: `420102199001011234` → `420***********1234`.
 *
 * @example
 * ```ts
 * import { Redaction } from "@gongzhi/core"
 *
 * console.log(Redaction.maskIdCard("42010219900101123X")) // "420***********123X"
 * ```
 *
 * @category masking
 * @since 0.1.0
 */
export const maskIdCard = (id: string): string => {
  const chars = Array.from(id.trim())
  if (chars.length <= 7) return mask.repeat(chars.length)
  return chars.slice(0, 3).join("") + mask.repeat(chars.length - 7) + chars.slice(-4).join("")
}

const idCardInText = /(?<![\dA-Za-z])(\d{17}[\dXx]|\d{15})(?![\dA-Za-z])/g
const mobileInText = /(?<!\d)(\+?86[\s-]?)?1\d{2}[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g
const landlineInText = /(?<!\d)(?:0[12]\d|0[3-9]\d{2})-\d{7,8}(?!\d)/g

/**
 * Masks every ID card number and phone number found in a free text (a notice, a remark).
 * Names cannot be found reliably in free text: mask them with {@link maskName} where they are fields.
 *
 * @example
 * ```ts
 * import { Redaction } from "@gongzhi/core"
 *
 * console.log(Redaction.redactText("联系电话 13812341234，身份证 420102199001011234"))
 * // "联系电话 138****1234，身份证 420***********1234"
 * ```
 *
 * @category masking
 * @since 0.1.0
 */
export const redactText = (text: string): string =>
  text
    .replace(idCardInText, (m) => maskIdCard(m))
    .replace(mobileInText, (m) => maskPhone(m))
    .replace(landlineInText, (m) => maskPhone(m))
