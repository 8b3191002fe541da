/**
 * The electorate (表决权人): the owners of exclusive units (业主, with the area of each unit in
 * hundredths of a square metre, an integer), or the members with a vote (党员 / 居民). Owners
 * are counted as 民法典 Art. 278 practice counts them (最高人民法院关于审理建筑物区分所有权
 * 纠纷案件适用法律若干问题的解释 Arts. 8–9): one per exclusive unit, a buyer of several units
 * once, the developer's unsold units as one, the co-owners of a unit as one. Members: full
 * members vote, probationary members and members whose rights are suspended do not.
 *
 * Rosters come as rows with Chinese headers, as counties keep them in Excel or CSV; reading
 * them is pure: rows in, an electorate or every problem out, each naming its row.
 *
 * @since 0.2.0
 */
import { type Issue, ValidationReport } from "@gongzhi/core"
import * as Result from "effect/Result"
import { buildColumns, columns, columnsKey } from "./internal/columns.js"
import { invalidInput, unreadable } from "./internal/input.js"
import { safely } from "./internal/safe.js"
import { messages } from "./Messages.js"

/**
 * An exclusive unit (专有部分): its id (房号), building (楼栋), area in hundredths of m², the
 * voter who owns it and the names of its co-owners (共有人, who vote as one with the owner).
 *
 * @example
 * ```ts
 * import type { Electorate } from "@gongzhi/deliberation"
 *
 * const unit: Electorate.Unit = { id: "1-101", building: "1", area: 8935, owner: "o-1", coOwners: [], weight: 1 }
 * console.log(unit.area / 100) // 89.35
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Unit {
  readonly id: string
  readonly building: string
  readonly area: number
  readonly owner: string
  readonly coOwners: ReadonlyArray<string>
  readonly weight: number
}

/**
 * The kinds of voter: an owner who is a person or a household, the developer (建设单位), or a
 * member of a party organisation or a residents' meeting.
 *
 * @example
 * ```ts
 * import type { Electorate } from "@gongzhi/deliberation"
 *
 * const kind: Electorate.VoterKind = "developer"
 * console.log(kind)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export type VoterKind = "person" | "household" | "developer" | "member"

/**
 * One voter: counted once in the headcount, with the summed area and weight of their units
 * (members: area 0, weight as given). `hasVote` is false for probationary members.
 *
 * @example
 * ```ts
 * import { Electorate } from "@gongzhi/deliberation"
 *
 * const e = Electorate.example()
 * console.log(e.voters[0]!.units) // ["1-101", "1-102"]
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Voter {
  readonly id: string
  readonly name: string
  readonly kind: VoterKind
  readonly hasVote: boolean
  readonly area: number
  readonly weight: number
  readonly units: ReadonlyArray<string>
}

/**
 * An electorate: its kind, voters, units and the totals of those with a vote.
 *
 * @example
 * ```ts
 * import { Electorate } from "@gongzhi/deliberation"
 *
 * const e = Electorate.example()
 * console.log(e.totals) // { headcount: 3, area: 40000, weight: 5 }
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface Electorate {
  readonly kind: "owners" | "members"
  readonly voters: ReadonlyArray<Voter>
  readonly units: ReadonlyArray<Unit>
  readonly totals: { readonly headcount: number; readonly area: number; readonly weight: number }
}

const seal = (
  kind: "owners" | "members",
  voters: ReadonlyArray<Voter>,
  units: ReadonlyArray<Unit>
): Result.Result<Electorate, ValidationReport.ValidationReport> => {
  let headcount = 0
  let area = 0
  let weight = 0
  for (const v of voters) {
    if (!v.hasVote) continue
    headcount++
    area += v.area
    weight += v.weight
  }
  if (!Number.isSafeInteger(area) || !Number.isSafeInteger(weight)) {
    return Result.fail(
      ValidationReport.of(messages.make("DELIB_ELECTORATE_AREA_TOO_LARGE", { params: { total: area } }))
    )
  }
  if (headcount === 0) return Result.fail(ValidationReport.of(messages.make("DELIB_ELECTORATE_EMPTY")))
  const electorate: Electorate = { kind, voters, units, totals: { headcount, area, weight } }
  Object.defineProperty(electorate, columnsKey, { value: buildColumns(voters), enumerable: false })
  return Result.succeed(Object.freeze(electorate))
}

/**
 * One unit of an owners' roster, as {@link owners} takes it.
 *
 * @example
 * ```ts
 * import type { Electorate } from "@gongzhi/deliberation"
 *
 * const unit: Electorate.UnitInput = { id: "1-101", building: "1", area: 8935, owner: { id: "o-1", name: "哈安喜" } }
 * console.log(unit.owner.name)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface UnitInput {
  readonly id: string
  readonly building: string
  readonly area: number
  readonly owner: { readonly id: string; readonly name: string; readonly kind?: "person" | "household" | "developer" }
  readonly coOwners?: ReadonlyArray<string>
  readonly weight?: number
}

/**
 * Where the inputs of {@link owners} and {@link members} came from, for issue paths and
 * messages: the row id and the path of each item.
 *
 * @example
 * ```ts
 * import type { Electorate } from "@gongzhi/deliberation"
 *
 * const options: Electorate.RowOptions = { rowIds: ["7"], rowPaths: [["rows", 5]] }
 * console.log(options.rowIds)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface RowOptions {
  readonly rowIds?: ReadonlyArray<string>
  readonly rowPaths?: ReadonlyArray<Issue.Path>
}

const noNames: ReadonlyArray<string> = Object.freeze([])

/**
 * Makes an owners' electorate from its units: an owner of several units is one voter with
 * their summed area; every unit of the developer is one voter; co-owners vote with the owner.
 *
 * @example
 * ```ts
 * import { Electorate } from "@gongzhi/deliberation"
 *
 * const e = Electorate.owners([
 *   { id: "1-101", building: "1", area: 9000, owner: { id: "o-1", name: "甲" } },
 *   { id: "1-102", building: "1", area: 9000, owner: { id: "o-1", name: "甲" } },
 *   { id: "1-201", building: "1", area: 12000, owner: { id: "dev", name: "开发商", kind: "developer" } },
 *   { id: "1-202", building: "1", area: 10000, owner: { id: "dev", name: "开发商", kind: "developer" } }
 * ])
 * if (e._tag === "Success") console.log(e.success.totals.headcount, e.success.totals.area) // 2 40000
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const owners = (
  units: ReadonlyArray<UnitInput>,
  options?: RowOptions
): Result.Result<Electorate, ValidationReport.ValidationReport> => {
  try {
    if (!Array.isArray(units)) return Result.fail(ValidationReport.of(invalidInput([], "unitList")))
    const found: Array<Issue.DomainIssue> = []
    const rowOf = (i: number) => options?.rowIds?.[i] ?? String(i)
    const at = (i: number, ...rest: Issue.Path): Issue.Path => [...(options?.rowPaths?.[i] ?? [i]), ...rest]
    const unitSeen = new Map<string, number>()
    const voters: Array<
      { id: string; name: string; kind: VoterKind; area: number; weight: number; units: Array<string>; first: number }
    > = []
    const voterIndex = new Map<string, number>()
    const out: Array<Unit> = []
    for (let i = 0; i < units.length; i++) {
      const u = units[i] as UnitInput | undefined
      if (typeof u !== "object" || u === null) {
        found.push(invalidInput(at(i), "unit"))
        continue
      }
      const id = u.id
      const building = u.building
      const area = u.area
      const owner = u.owner as UnitInput["owner"] | undefined
      const weight = u.weight ?? 1
      const coOwners = u.coOwners ?? []
      const before = found.length
      if (typeof id !== "string" || id.trim() === "") {
        found.push(invalidInput(at(i, "id"), "unitId"))
      }
      if (typeof building !== "string") found.push(invalidInput(at(i, "building"), "building"))
      if (typeof area !== "number" || !Number.isSafeInteger(area) || area <= 0) {
        found.push(
          messages.make("DELIB_ROW_AREA_INVALID", {
            path: at(i, "area"),
            params: { row: rowOf(i), value: String(area) }
          })
        )
      }
      if (typeof weight !== "number" || !Number.isSafeInteger(weight) || weight < 0) {
        found.push(invalidInput(at(i, "weight"), "weight"))
      }
      if (!Array.isArray(coOwners) || coOwners.some((c) => typeof c !== "string")) {
        found.push(invalidInput(at(i, "coOwners"), "coOwners"))
      }
      if (
        typeof owner !== "object" || owner === null || typeof owner.id !== "string" || owner.id.trim() === "" ||
        typeof owner.name !== "string"
      ) {
        found.push(invalidInput(at(i, "owner"), "owner"))
      }
      if (found.length > before) continue
      const first = unitSeen.get(id)
      if (first !== undefined) {
        found.push(messages.make("DELIB_ROW_UNIT_DUPLICATE", {
          path: at(i, "id"),
          params: { row: rowOf(i), unit: id, first: rowOf(first) }
        }))
        continue
      }
      unitSeen.set(id, i)
      const kind: VoterKind = owner!.kind === "developer" || owner!.kind === "household" ? owner!.kind : "person"
      let v = voterIndex.get(owner!.id)
      if (v !== undefined) {
        const known = voters[v]!
        if (known.name !== owner!.name || known.kind !== kind) {
          found.push(messages.make("DELIB_ROW_OWNER_CONFLICT", {
            path: at(i, "owner"),
            params: { row: rowOf(i), owner: owner!.id, first: rowOf(known.first) }
          }))
          continue
        }
      } else {
        v = voters.length
        voterIndex.set(owner!.id, v)
        voters.push({ id: owner!.id, name: owner!.name, kind, area: 0, weight: 0, units: [], first: i })
      }
      const voter = voters[v]!
      voter.area += area
      voter.weight += weight
      voter.units.push(id)
      out.push(Object.freeze({
        id,
        building,
        area,
        owner: owner!.id,
        coOwners: coOwners.length === 0 ? noNames : Object.freeze([...coOwners]),
        weight
      }))
    }
    if (found.length > 0) return Result.fail(ValidationReport.make(found))
    return seal(
      "owners",
      Object.freeze(voters.map((v): Voter =>
        Object.freeze({
          id: v.id,
          name: v.name,
          kind: v.kind,
          hasVote: true,
          area: v.area,
          weight: v.weight,
          units: Object.freeze(v.units)
        })
      )),
      Object.freeze(out)
    )
  } catch (cause) {
    return Result.fail(ValidationReport.of(unreadable([], cause)))
  }
}

/**
 * One member of a members' roster: full members vote; probationary members (预备党员) and
 * members whose rights are suspended (e.g. 留党察看) do not.
 *
 * @example
 * ```ts
 * import type { Electorate } from "@gongzhi/deliberation"
 *
 * const m: Electorate.MemberInput = { id: "m-1", name: "周玉宏", status: "full" }
 * console.log(m.status)
 * ```
 *
 * @category models
 * @since 0.2.0
 */
export interface MemberInput {
  readonly id: string
  readonly name: string
  readonly status: "full" | "probationary"
  readonly rightsSuspended?: boolean
  readonly weight?: number
}

/**
 * Makes a members' electorate.
 *
 * @example
 * ```ts
 * import { Electorate } from "@gongzhi/deliberation"
 *
 * const e = Electorate.members([
 *   { id: "m-1", name: "甲", status: "full" },
 *   { id: "m-2", name: "乙", status: "probationary" }
 * ])
 * if (e._tag === "Success") console.log(e.success.totals.headcount) // 1
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const members = (
  input: ReadonlyArray<MemberInput>,
  options?: RowOptions
): Result.Result<Electorate, ValidationReport.ValidationReport> => {
  try {
    if (!Array.isArray(input)) return Result.fail(ValidationReport.of(invalidInput([], "memberList")))
    const found: Array<Issue.DomainIssue> = []
    const seen = new Map<string, number>()
    const voters: Array<Voter> = []
    const at = (i: number, ...rest: Issue.Path): Issue.Path => [...(options?.rowPaths?.[i] ?? [i]), ...rest]
    for (let i = 0; i < input.length; i++) {
      const m = input[i] as MemberInput | undefined
      if (typeof m !== "object" || m === null) {
        found.push(invalidInput(at(i), "member"))
        continue
      }
      const { id, name, status } = m
      const weight = m.weight ?? 1
      const before = found.length
      if (typeof id !== "string" || id.trim() === "") {
        found.push(invalidInput(at(i, "id"), "memberId"))
      }
      if (typeof name !== "string") found.push(invalidInput(at(i, "name"), "memberName"))
      if (status !== "full" && status !== "probationary") {
        found.push(messages.make("DELIB_ROW_VALUE_INVALID", {
          path: at(i, "status"),
          params: {
            row: options?.rowIds?.[i] ?? String(i),
            column: "status",
            value: String(status),
            allowed: "full, probationary"
          }
        }))
      }
      if (typeof weight !== "number" || !Number.isSafeInteger(weight) || weight < 0) {
        found.push(invalidInput(at(i, "weight"), "weight"))
      }
      if (found.length > before) continue
      const first = seen.get(id)
      if (first !== undefined) {
        found.push(messages.make("DELIB_DUPLICATE_ID", { path: at(i, "id"), params: { id, first } }))
        continue
      }
      seen.set(id, i)
      voters.push(Object.freeze({
        id,
        name,
        kind: "member",
        hasVote: status === "full" && m.rightsSuspended !== true,
        area: 0,
        weight,
        units: Object.freeze([])
      }))
    }
    if (found.length > 0) return Result.fail(ValidationReport.make(found))
    return seal("members", Object.freeze(voters), Object.freeze([]))
  } catch (cause) {
    return Result.fail(ValidationReport.of(unreadable([], cause)))
  }
}

/**
 * The part of an owners' electorate in some buildings (the scope a matter fixes when it is
 * sorted per estate, 小区分事): only those units, each owner with the area they own there.
 *
 * @example
 * ```ts
 * import { Electorate } from "@gongzhi/deliberation"
 *
 * const scoped = Electorate.restrict(Electorate.example(), ["2"])
 * if (scoped._tag === "Success") console.log(scoped.success.totals) // { headcount: 1, area: 20000, weight: 2 }
 * ```
 *
 * @category combinators
 * @since 0.2.0
 */
export const restrict = (
  electorate: Electorate,
  buildings: ReadonlyArray<string>
): Result.Result<Electorate, ValidationReport.ValidationReport> =>
  safely(
    Result.fail(ValidationReport.of(invalidInput([], "electorateAndBuildings"))),
    () => restrictTo(electorate, buildings)
  )

const restrictTo = (
  electorate: Electorate,
  buildings: ReadonlyArray<string>
): Result.Result<Electorate, ValidationReport.ValidationReport> => {
  if (electorate.kind === "members") return Result.succeed(electorate)
  const keep = new Set(buildings)
  const byId = new Map(electorate.voters.map((v) => [v.id, v]))
  return owners(
    electorate.units.filter((u) => keep.has(u.building)).map((u) => {
      const owner = byId.get(u.owner)!
      return {
        id: u.id,
        building: u.building,
        area: u.area,
        weight: u.weight,
        coOwners: u.coOwners,
        owner: { id: owner.id, name: owner.name, kind: owner.kind === "member" ? "person" : owner.kind }
      }
    })
  )
}

/**
 * The buildings of an owners' electorate, in the order they first appear.
 *
 * @example
 * ```ts
 * import { Electorate } from "@gongzhi/deliberation"
 *
 * console.log(Electorate.buildings(Electorate.example())) // ["1", "2"]
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const buildings = (electorate: Electorate): ReadonlyArray<string> =>
  safely([], () => [...new Set(electorate.units.map((u) => u.building))])

/**
 * The voter with an id, if there is one (own entries only).
 *
 * @example
 * ```ts
 * import { Electorate } from "@gongzhi/deliberation"
 *
 * console.log(Electorate.voter(Electorate.example(), "o-1")?.area) // 18000
 * console.log(Electorate.voter(Electorate.example(), "constructor")) // undefined
 * ```
 *
 * @category getters
 * @since 0.2.0
 */
export const voter = (electorate: Electorate, id: string): Voter | undefined =>
  safely(undefined, () => {
    const i = columns(electorate).index.get(id)
    return i === undefined ? undefined : electorate.voters[i]
  })

// ---------------------------------------------------------------------------
// Rosters with Chinese headers
// ---------------------------------------------------------------------------

/**
 * The headers an owners' roster may use for each field (the first present wins): unit id
 * (房屋编号, else 楼栋-房号), building, unit number, area in m² (at most two decimals), owner
 * id, owner name, owner kind (个人 / 家庭 / 开发商 / 建设单位 / 未售), co-owners, row id.
 *
 * @example
 * ```ts
 * import { Electorate } from "@gongzhi/deliberation"
 *
 * console.log(Electorate.ownerHeaders.area) // ["专有部分面积", "建筑面积", "面积（㎡）", "面积(㎡)", "面积"]
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const ownerHeaders = {
  unitId: ["房屋编号"],
  building: ["楼栋", "楼号", "幢号"],
  number: ["房号", "室号"],
  area: ["专有部分面积", "建筑面积", "面积（㎡）", "面积(㎡)", "面积"],
  ownerId: ["业主编号", "证件号码", "身份证号"],
  ownerName: ["业主", "业主姓名", "姓名"],
  kind: ["类型", "业主类型"],
  coOwners: ["共有人"],
  rowId: ["序号", "编号"]
} as const

/**
 * The headers a members' roster may use: id, name, status (正式党员 / 预备党员), vote
 * (表决权: 有 / 无), row id.
 *
 * @example
 * ```ts
 * import { Electorate } from "@gongzhi/deliberation"
 *
 * console.log(Electorate.memberHeaders.status) // ["类别", "党员类别", "身份"]
 * ```
 *
 * @category constants
 * @since 0.2.0
 */
export const memberHeaders = {
  id: ["党员编号", "人员编号", "编号"],
  name: ["姓名"],
  status: ["类别", "党员类别", "身份"],
  vote: ["表决权"],
  rowId: ["序号"]
} as const

const cell = (row: object, headers: ReadonlyArray<string>): { header: string; value: string } | undefined => {
  for (const header of headers) {
    if (!Object.prototype.hasOwnProperty.call(row, header)) continue
    const raw = (row as Record<string, unknown>)[header]
    if (raw === undefined || raw === null) continue
    const value = typeof raw === "string" ? raw.trim() : typeof raw === "number" ? String(raw) : undefined
    if (value === undefined || value === "") continue
    return { header, value }
  }
  return undefined
}

/**
 * Parses an area in m² written with at most two decimals ("89.35", "89.35㎡", 89.35) into
 * hundredths of m², without floating point; `undefined` if it is not one.
 *
 * @example
 * ```ts
 * import { Electorate } from "@gongzhi/deliberation"
 *
 * console.log(Electorate.parseArea("89.35㎡")) // 8935
 * console.log(Electorate.parseArea("0")) // undefined
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const parseArea = (text: string): number | undefined => {
  if (typeof text !== "string") return undefined
  const t = text.trim().replace(/\s*(㎡|m²|m2|平方米|平米)$/u, "")
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(t)
  if (m === null) return undefined
  const value = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"))
  return value > 0 ? value : undefined
}

const developerWords = new Set(["开发商", "建设单位", "未售"])
const householdWords = new Set(["家庭", "户"])
const personWords = new Set(["个人", "自然人"])
const splitNames = (text: string) => text.split(/[、,，;；\s]+/u).filter((s) => s !== "")

/**
 * Reads an owners' roster from rows with Chinese headers (see {@link ownerHeaders}): every
 * problem at once, each with its row id (序号, else the spreadsheet line: index + 2).
 *
 * @example
 * ```ts
 * import { Electorate } from "@gongzhi/deliberation"
 *
 * const e = Electorate.fromOwnerRows([
 *   { 序号: "1", 楼栋: "1", 房号: "101", 面积: "89.35", 业主编号: "o-1", 业主: "哈安喜" },
 *   { 序号: "2", 楼栋: "1", 房号: "102", 面积: "90", 业主编号: "o-1", 业主: "哈安喜" },
 *   { 序号: "3", 楼栋: "1", 房号: "201", 面积: "120.5", 类型: "开发商", 业主: "开发商" }
 * ])
 * if (e._tag === "Success") console.log(e.success.totals) // { headcount: 2, area: 29985, weight: 3 }
 * const bad = Electorate.fromOwnerRows([{ 序号: "7", 楼栋: "1", 房号: "101", 面积: "八十" }])
 * if (bad._tag === "Failure") console.log(bad.failure.issues.map((i) => i.message.zh))
 * // ["第 7 行的面积 \"八十\" 无效（应为正数，最多两位小数）", "第 7 行缺少\"业主\""]
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const fromOwnerRows = (
  rows: ReadonlyArray<unknown>
): Result.Result<Electorate, ValidationReport.ValidationReport> => {
  try {
    if (!Array.isArray(rows)) return Result.fail(ValidationReport.of(invalidInput(["rows"], "rowList")))
    const found: Array<Issue.DomainIssue> = []
    const units: Array<UnitInput> = []
    const rowIds: Array<string> = []
    const rowPaths: Array<Issue.Path> = []
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]
      if (typeof row !== "object" || row === null) {
        found.push(invalidInput(["rows", i], "row"))
        continue
      }
      const rowId = cell(row, ownerHeaders.rowId)?.value ?? String(i + 2)
      const path = (column: string): Issue.Path => ["rows", i, column]
      const missing = (column: string) =>
        messages.make("DELIB_ROW_MISSING", { path: path(column), params: { row: rowId, column } })
      const before = found.length
      const building = cell(row, ownerHeaders.building)?.value ?? ""
      const number = cell(row, ownerHeaders.number)
      const unitId = cell(row, ownerHeaders.unitId)?.value ??
        (number === undefined ? undefined : building === "" ? number.value : `${building}-${number.value}`)
      if (unitId === undefined) found.push(missing(ownerHeaders.number[0]))
      const areaCell = cell(row, ownerHeaders.area)
      const area = areaCell === undefined ? undefined : parseArea(areaCell.value)
      if (areaCell === undefined) found.push(missing(ownerHeaders.area[4]))
      else if (area === undefined) {
        found.push(
          messages.make("DELIB_ROW_AREA_INVALID", {
            path: path(areaCell.header),
            params: { row: rowId, value: areaCell.value }
          })
        )
      }
      const kindCell = cell(row, ownerHeaders.kind)
      let kind: "person" | "household" | "developer" = "person"
      if (kindCell !== undefined) {
        if (developerWords.has(kindCell.value)) kind = "developer"
        else if (householdWords.has(kindCell.value)) kind = "household"
        else if (!personWords.has(kindCell.value)) {
          found.push(messages.make("DELIB_ROW_VALUE_INVALID", {
            path: path(kindCell.header),
            params: {
              row: rowId,
              column: kindCell.header,
              value: kindCell.value,
              allowed: "个人、家庭、开发商、建设单位、未售"
            }
          }))
        }
      }
      const name = cell(row, ownerHeaders.ownerName)?.value ?? (kind === "developer" ? "建设单位" : undefined)
      if (name === undefined) found.push(missing(ownerHeaders.ownerName[0]))
      const ownerId = cell(row, ownerHeaders.ownerId)?.value ?? (kind === "developer" ? "developer" : name)
      if (found.length > before) continue
      const coOwners = cell(row, ownerHeaders.coOwners)
      units.push({
        id: unitId!,
        building,
        area: area!,
        owner: { id: ownerId!, name: name!, kind },
        coOwners: coOwners === undefined ? [] : splitNames(coOwners.value)
      })
      rowIds.push(rowId)
      rowPaths.push(["rows", i])
    }
    if (found.length > 0) return Result.fail(ValidationReport.make(found))
    return owners(units, { rowIds, rowPaths })
  } catch (cause) {
    return Result.fail(ValidationReport.of(unreadable(["rows"], cause)))
  }
}

const fullWords = new Set(["正式党员", "正式", "党员", "居民", "户代表", "居民代表"])
const probationaryWords = new Set(["预备党员", "预备"])

/**
 * Reads a members' roster from rows with Chinese headers (see {@link memberHeaders}):
 * 类别 正式党员 votes, 预备党员 does not; 表决权 "无" takes the vote away (e.g. 留党察看).
 *
 * @example
 * ```ts
 * import { Electorate } from "@gongzhi/deliberation"
 *
 * const e = Electorate.fromMemberRows([
 *   { 姓名: "甲", 党员编号: "m-1", 类别: "正式党员" },
 *   { 姓名: "乙", 党员编号: "m-2", 类别: "预备党员" },
 *   { 姓名: "丙", 党员编号: "m-3", 类别: "正式党员", 表决权: "无" }
 * ])
 * if (e._tag === "Success") console.log(e.success.totals.headcount) // 1
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const fromMemberRows = (
  rows: ReadonlyArray<unknown>
): Result.Result<Electorate, ValidationReport.ValidationReport> => {
  try {
    if (!Array.isArray(rows)) return Result.fail(ValidationReport.of(invalidInput(["rows"], "rowList")))
    const found: Array<Issue.DomainIssue> = []
    const input: Array<MemberInput> = []
    const rowIds: Array<string> = []
    const rowPaths: Array<Issue.Path> = []
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]
      if (typeof row !== "object" || row === null) {
        found.push(invalidInput(["rows", i], "row"))
        continue
      }
      const rowId = cell(row, memberHeaders.rowId)?.value ?? String(i + 2)
      const path = (column: string): Issue.Path => ["rows", i, column]
      const before = found.length
      const name = cell(row, memberHeaders.name)?.value
      if (name === undefined) {
        found.push(messages.make("DELIB_ROW_MISSING", { path: path("姓名"), params: { row: rowId, column: "姓名" } }))
      }
      const id = cell(row, memberHeaders.id)?.value ?? name
      const statusCell = cell(row, memberHeaders.status)
      let status: "full" | "probationary" = "full"
      if (statusCell !== undefined) {
        if (probationaryWords.has(statusCell.value)) status = "probationary"
        else if (!fullWords.has(statusCell.value)) {
          found.push(messages.make("DELIB_ROW_VALUE_INVALID", {
            path: path(statusCell.header),
            params: { row: rowId, column: statusCell.header, value: statusCell.value, allowed: "正式党员、预备党员" }
          }))
        }
      }
      const voteCell = cell(row, memberHeaders.vote)
      if (voteCell !== undefined && voteCell.value !== "有" && voteCell.value !== "无") {
        found.push(messages.make("DELIB_ROW_VALUE_INVALID", {
          path: path(voteCell.header),
          params: { row: rowId, column: voteCell.header, value: voteCell.value, allowed: "有、无" }
        }))
      }
      if (found.length > before) continue
      input.push({ id: id!, name: name!, status, rightsSuspended: voteCell?.value === "无" })
      rowIds.push(rowId)
      rowPaths.push(["rows", i])
    }
    if (found.length > 0) return Result.fail(ValidationReport.make(found))
    return members(input, { rowIds, rowPaths })
  } catch (cause) {
    return Result.fail(ValidationReport.of(unreadable(["rows"], cause)))
  }
}

/**
 * A small owners' electorate for examples: owner o-1 with two units in building 1, o-2 with
 * one unit in building 1 (two co-owners), and the developer with two unsold units in building 2.
 *
 * @example
 * ```ts
 * import { Electorate } from "@gongzhi/deliberation"
 *
 * console.log(Electorate.example().voters.map((v) => v.id)) // ["o-1", "o-2", "developer"]
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const example = (): Electorate =>
  ValidationReport.getOrThrow(owners([
    { id: "1-101", building: "1", area: 9000, owner: { id: "o-1", name: "哈安喜" } },
    { id: "1-102", building: "1", area: 9000, owner: { id: "o-1", name: "哈安喜" } },
    {
      id: "1-201",
      building: "1",
      area: 2000,
      owner: { id: "o-2", name: "周玉宏", kind: "household" },
      coOwners: ["曾环"]
    },
    { id: "2-101", building: "2", area: 10000, owner: { id: "developer", name: "开发商", kind: "developer" } },
    { id: "2-102", building: "2", area: 10000, owner: { id: "developer", name: "开发商", kind: "developer" } }
  ]))
