/**
 * Masking personal data for public notices (公示), reports and exports: names, mobile and
 * landline numbers, resident ID numbers, bank card numbers and e-mail addresses, in fields
 * and in free text; and CSV cells that cannot start a formula. Every package's public outputs
 * use these functions, so a county's notices are masked the same way everywhere.
 *
 * The rules follow 《个人信息保护法》 (Art. 28: ID numbers and financial accounts are sensitive
 * personal information; Art. 51: de-identification as a security measure) and GB/T 35273-2020
 * (§3.1: names, ID numbers, contact details and property information are personal information;
 * §6.2: de-identification): a public output keeps only what lets a person recognise their own
 * row. See `docs/personal-data.md`.
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
  if (chars.length === 1) return mask
  const surname = chars.length > 2 && compoundSurnames.includes(chars.slice(0, 2).join("")) ? 2 : 1
  if (surname === 2) return chars.slice(0, 2).join("") + mask.repeat(chars.length - 2)
  if (chars.length <= 2) return chars[0] + mask.repeat(chars.length - 1)
  return chars[0] + mask.repeat(chars.length - 2) + chars[chars.length - 1]
}

const maskWord = (word: string): string => {
  const chars = Array.from(word)
  return chars.length === 0 ? word : chars.length === 1 ? mask : chars[0] + mask.repeat(chars.length - 1)
}

const cjk = /\p{Script=Han}/u

/**
 * Masks a person's name for a public notice, at every length: `王` → `*`, `王佑` → `王*`,
 * `王小佑` → `王*佑`, `欧阳小明` → `欧阳**`, `阿依古丽·买买提` → `阿***·买**`,
 * `John Smith` → `J*** S****`. A name of one character (or a one-letter word of a Latin name)
 * is masked whole: showing it would show the whole name. Never throws: anything that is not
 * a string gives `""`.
 *
 * @example
 * ```ts
 * import { Redaction } from "@gongzhi/core"
 *
 * console.log(Redaction.maskName("哈安喜")) // 哈*喜
 * console.log(Redaction.maskName("欧阳小明")) // 欧阳**
 * console.log(Redaction.maskName("王")) // *
 * ```
 *
 * @category masking
 * @since 0.1.0
 */
export const maskName = (name: string): string => {
  if (typeof name !== "string") return ""
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
 * console.log(Redaction.maskPhone("13812341234")) // 138****1234
 * console.log(Redaction.maskPhone("0710-1234567")) // 0710-***4567
 * ```
 *
 * @category masking
 * @since 0.1.0
 */
export const maskPhone = (phone: string): string => {
  if (typeof phone !== "string") return ""
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
 * console.log(Redaction.maskIdCard("42010219900101123X")) // 420***********123X
 * ```
 *
 * @category masking
 * @since 0.1.0
 */
export const maskIdCard = (id: string): string => {
  if (typeof id !== "string") return ""
  const chars = Array.from(id.trim())
  if (chars.length <= 7) return mask.repeat(chars.length)
  return chars.slice(0, 3).join("") + mask.repeat(chars.length - 7) + chars.slice(-4).join("")
}

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const idCheckCharacters = "10X98765432"

/**
 * Whether a string is an 18-character resident ID number (公民身份号码) whose last character is
 * the check character of GB 11643-1999 (ISO 7064 MOD 11-2: the 17 digits weighted
 * 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, the sum modulo 11 picks `1 0 X 9 8 7 6 5 4 3 2`).
 * Only the check character is checked, not the region or the date of birth.
 *
 * @example
 * ```ts
 * import { Redaction } from "@gongzhi/core"
 *
 * console.log(Redaction.isResidentIdNumber("11010519491231002X"), Redaction.isResidentIdNumber("110105194912310021")) // true false
 * ```
 *
 * @category guards
 * @since 0.2.0
 */
export const isResidentIdNumber = (value: string): boolean => {
  if (typeof value !== "string" || value.length !== 18) return false
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const d = value.charCodeAt(i) - 48
    if (d < 0 || d > 9) return false
    sum += d * idWeights[i]!
  }
  const last = value[17]!.toUpperCase()
  return last === idCheckCharacters[sum % 11]
}

/**
 * Whether a string of 12 to 19 digits passes the Luhn check (ISO/IEC 7812) that bank card
 * numbers (银行卡号) carry in their last digit.
 *
 * @example
 * ```ts
 * import { Redaction } from "@gongzhi/core"
 *
 * console.log(Redaction.isBankCardNumber("6222021234567890128"), Redaction.isBankCardNumber("6222021234567890123")) // true false
 * ```
 *
 * @category guards
 * @since 0.2.0
 */
export const isBankCardNumber = (value: string): boolean => {
  if (typeof value !== "string" || value.length < 12 || value.length > 19) return false
  let sum = 0
  for (let i = value.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = value.charCodeAt(i) - 48
    if (d < 0 || d > 9) return false
    if (double && (d *= 2) > 9) d -= 9
    sum += d
  }
  return sum % 10 === 0
}

/**
 * Masks a bank card number keeping its first 4 and last 4 digits; spaces and hyphens stay:
 * `6222 0212 3456 7890 128` → `6222 **** **** ***0 128`.
 *
 * @example
 * ```ts
 * import { Redaction } from "@gongzhi/core"
 *
 * console.log(Redaction.maskBankCard("6222021234567890128")) // 6222***********0128
 * ```
 *
 * @category masking
 * @since 0.2.0
 */
export const maskBankCard = (card: string): string => {
  if (typeof card !== "string") return ""
  const trimmed = card.trim()
  const digits = countDigits(trimmed)
  return digits <= 8 ? trimmed.replace(/[0-9０-９]/g, mask) : keepDigits(trimmed, 4, 4)
}

/**
 * Masks an e-mail address keeping the first character of its local part and its domain:
 * `zhangsan@example.com` → `z***@example.com`. Text without `@` is masked whole.
 *
 * @example
 * ```ts
 * import { Redaction } from "@gongzhi/core"
 *
 * console.log(Redaction.maskEmail("13812345678@qq.com")) // 1***@qq.com
 * ```
 *
 * @category masking
 * @since 0.2.0
 */
export const maskEmail = (email: string): string => {
  if (typeof email !== "string") return ""
  const trimmed = email.trim()
  const at = trimmed.lastIndexOf("@")
  if (at <= 0) return mask.repeat(Array.from(trimmed).length)
  return `${Array.from(trimmed.slice(0, at))[0]}***${trimmed.slice(at)}`
}

const isDigitCode = (c: number) => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)

const countDigits = (text: string): number => {
  let n = 0
  for (let i = 0; i < text.length; i++) if (isDigitCode(text.charCodeAt(i))) n++
  return n
}

/** Masks the digits of a text but its first `head` and last `tail`, keeping everything else. */
const keepDigits = (text: string, head: number, tail: number): string => {
  const total = countDigits(text)
  let seen = 0
  let out = ""
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (isDigitCode(c)) {
      out += seen < head || seen >= total - tail ? text[i] : mask
      seen++
    } else out += text[i]
  }
  return out
}

/** ASCII digits of a run of (half- or full-width) digits. */
const asciiDigits = (text: string): string => {
  let out = ""
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 48 && c <= 57) out += text[i]
    else if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xff10 + 48)
  }
  return out
}

const landlineDigits = /^(?:0[12]\d\d{7,8}|0[3-9]\d{2}\d{7,8})$/

/**
 * What a run of digits (separators removed) is, and how many leading and trailing digits a
 * masked copy keeps; `undefined` when it is none of the numbers masked in free text.
 */
const classify = (
  digits: string,
  withX: boolean,
  single: boolean
): { readonly head: number; readonly tail: number } | undefined => {
  const n = digits.length
  if (withX) return n === 17 && (isResidentIdNumber(`${digits}X`) || single) ? { head: 3, tail: 3 } : undefined
  if (n === 11 && digits.charCodeAt(0) === 49 && digits.charCodeAt(1) >= 51) return { head: 3, tail: 4 }
  if (n === 13 && digits.startsWith("861") && digits.charCodeAt(3) >= 51) return { head: 5, tail: 4 }
  if (n === 18 && isResidentIdNumber(digits)) return { head: 3, tail: 4 }
  if (n >= 16 && n <= 19 && isBankCardNumber(digits)) return { head: 4, tail: 4 }
  if (landlineDigits.test(digits)) return { head: digits[1] === "1" || digits[1] === "2" ? 3 : 4, tail: 4 }
  // a lone run of 15 digits or more is masked even when no check digit fits: a mistyped ID or card
  // number, a first-generation 15-digit ID or two numbers written together are still personal data
  if (single && n >= 15) return { head: 3, tail: 4 }
  return undefined
}

/** Most groups a number written with separators is read from (`6222 0212 3456 7890 128`: 5). */
const maxGroups = 6

const maskDigitRun = (run: string): string => {
  // the groups of digits and what separates them; a trailing X belongs to the last group
  const trailingX = /[Xx]$/.test(run)
  const body = trailingX ? run.slice(0, -1) : run
  const groups = body.split(/[ -]/)
  const separators = body.match(/[ -]/g) ?? []
  let out = ""
  let i = 0
  while (i < groups.length) {
    let done = false
    for (let j = Math.min(groups.length, i + maxGroups); j > i; j--) {
      const withX = trailingX && j === groups.length
      const digits = asciiDigits(groups.slice(i, j).join(""))
      const found = classify(digits, withX, j === i + 1)
      if (found === undefined) continue
      let text = groups[i]!
      for (let k = i + 1; k < j; k++) text += separators[k - 1]! + groups[k]!
      out += keepDigits(text, found.head, found.tail) + (withX ? run[run.length - 1] : "")
      if (j < groups.length) out += separators[j - 1]!
      i = j
      done = true
      break
    }
    if (done) continue
    out += groups[i]!
    if (i < groups.length - 1) out += separators[i]!
    else if (trailingX) out += run[run.length - 1]
    i++
  }
  return out
}

// an e-mail address, or a run of digits (half- or full-width) in groups split by one space or
// hyphen, maybe after +86 and before an X; each may only start where a run starts, so one
// pass over a long text stays linear
const personalDataInText =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|(?<![0-9０-９])(\+86[ -]?)?[0-9０-９]+(?:[ -][0-9０-９]+)*(?:[Xx](?![A-Za-z]))?(?![0-9０-９])/g

/**
 * Masks every mainland mobile number (`1[3-9]` + 9 digits, maybe after `+86`), landline
 * number with its area code, 18-character resident ID number (GB 11643 check character),
 * bank card number (Luhn check) and e-mail address found in a free text, in one pass, keeping
 * the rest of the text as it is. Numbers may be written in groups (`138 1234 5678`,
 * `6222-0212-3456-7890-128`) or in full-width digits. A lone run of 15 digits or more is masked
 * even when no check digit fits (a mistyped ID or card number is still personal data). Names cannot be found reliably in free text: mask them with {@link maskName} where
 * they are fields. Never throws: anything that is not a string gives `""`.
 *
 * @example
 * ```ts
 * import { Redaction } from "@gongzhi/core"
 *
 * console.log(Redaction.maskText("网格员电话13812345678 身份证11010519491231002X 邮箱 wang@example.com"))
 * // 网格员电话138****5678 身份证110***********002X 邮箱 w***@example.com
 * console.log(Redaction.maskText("卡号 6222 0212 3456 7890 128，门牌 12 号，积分 400"))
 * // 卡号 6222 **** **** ***0 128，门牌 12 号，积分 400
 * ```
 *
 * @category masking
 * @since 0.2.0
 */
export const maskText = (text: string): string => {
  if (typeof text !== "string") return ""
  try {
    return text.replace(
      personalDataInText,
      (match: string) => match.includes("@") ? maskEmail(match) : maskDigitRun(match)
    )
  } catch {
    // only a string too long to build again can end here: give nothing rather than the raw text
    return ""
  }
}

/**
 * The former name of {@link maskText}, which it now calls: phones, ID numbers, bank cards and
 * e-mail addresses are masked in free text.
 *
 * @example
 * ```ts
 * import { Redaction } from "@gongzhi/core"
 *
 * console.log(Redaction.redactText("联系电话 13812341234，座机 0710-1234567"))
 * // 联系电话 138****1234，座机 0710-***4567
 * ```
 *
 * @category masking
 * @since 0.1.0
 */
export const redactText = (text: string): string => maskText(text)

/**
 * The characters that make a spreadsheet read a cell as a formula when they come first: `=`,
 * `+`, `-`, `@`, tab and carriage return (OWASP, "CSV Injection"), with line feed and NUL.
 *
 * @example
 * ```ts
 * import { Redaction } from "@gongzhi/core"
 *
 * console.log(Redaction.formulaTriggers.includes("=")) // true
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const formulaTriggers: ReadonlyArray<string> = ["=", "+", "-", "@", "\t", "\r", "\n", "\u0000"]

/**
 * Neutralises a CSV cell against formula injection as OWASP recommends: a text starting with
 * `=`, `+`, `-`, `@`, tab, carriage return, line feed or NUL gets a leading `'`, so Excel, WPS
 * and LibreOffice show it as text (`=HYPERLINK(…)` → `'=HYPERLINK(…)`). Numbers and booleans
 * are the exporter's own values and are written as they are (`-5` stays `-5`); `null` and
 * `undefined` give `""`. The result is the cell's text: quoting it (RFC 4180) is the CSV
 * writer's work. Never throws.
 *
 * @example
 * ```ts
 * import { Redaction } from "@gongzhi/core"
 *
 * console.log(Redaction.csvCell("=HYPERLINK(\"http://x\")")) // '=HYPERLINK("http://x")
 * console.log(Redaction.csvCell("-1+2"), Redaction.csvCell(-5), Redaction.csvCell("哈*喜")) // '-1+2 -5 哈*喜
 * ```
 *
 * @category csv
 * @since 0.2.0
 */
export const csvCell = (value: string | number | boolean | null | undefined): string => {
  if (typeof value === "number" || typeof value === "boolean") return String(value)
  if (typeof value !== "string" || value.length === 0) return ""
  const c = value.charCodeAt(0)
  // = + - @ tab LF CR NUL
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 10 || c === 13 || c === 0
    ? `'${value}`
    : value
}

/**
 * Writes one CSV line (RFC 4180) of cells made safe by {@link csvCell}: each cell is
 * neutralised, then quoted when it holds a comma, a quote or a line break. Use it where no CSV
 * library writes the file; with a library, pass each cell through {@link csvCell} first.
 *
 * @example
 * ```ts
 * import { Redaction } from "@gongzhi/core"
 *
 * console.log(Redaction.csvLine(["哈*喜", 400, "=1+1", "a,b"])) // 哈*喜,400,'=1+1,"a,b"
 * ```
 *
 * @category csv
 * @since 0.2.0
 */
export const csvLine = (cells: ReadonlyArray<string | number | boolean | null | undefined>): string => {
  const out: Array<string> = []
  try {
    for (let i = 0; i < cells.length; i++) {
      const text = csvCell(cells[i])
      out.push(/[",\r\n]/.test(text) ? `"${text.replaceAll("\"", "\"\"")}"` : text)
    }
  } catch {
    // a cell list that cannot be read (a Proxy, a throwing getter) gives the cells read so far
  }
  return out.join(",")
}
