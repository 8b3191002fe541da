/** One document of a folder: its file name and parsed content (`CountyReport.Source`). */
export interface Source {
  readonly file: string
  readonly value: unknown
}
