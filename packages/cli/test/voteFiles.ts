/**
 * A small owners' vote as the spreadsheets a county keeps: three owners of 100 m² each and their
 * ballots (two in favour: passed by 民法典 Art. 278), written as CSV files in a new temporary folder.
 */
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

export const voteFiles = (): { readonly owners: string; readonly ballots: string } => {
  const dir = mkdtempSync(join(tmpdir(), "gongzhi-vote-"))
  writeFileSync(
    join(dir, "owners.csv"),
    "序号,楼栋,房号,面积,业主编号,业主\n1,1,101,100,o-1,哈安喜\n2,1,102,100,o-2,周玉宏\n3,1,201,100,o-3,曾环\n"
  )
  writeFileSync(
    join(dir, "ballots.csv"),
    "序号,业主编号,意见,表决时间,方式,登记人\n1,o-1,同意,2024-10-20 10:00,入户,网格员\n2,o-2,同意,2024-10-20 11:00,入户,网格员\n3,o-3,反对,2024-10-20 12:00,入户,网格员\n"
  )
  return { owners: join(dir, "owners.csv"), ballots: join(dir, "ballots.csv") }
}
