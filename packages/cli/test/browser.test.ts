/**
 * Opens a rendered report in headless Chromium (Debian's `chromium`, which the test command
 * installs where it may: scripts/ensure-chromium.mjs) and checks that the page renders: SVG charts present, no console errors.
 * A screenshot is kept in test-artifacts/ for a person to look at.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { chromium } from "playwright-core"
import { describe, expect, it } from "vitest"
import { Io, Main, Report } from "../src/index.js"

// scripts/ensure-chromium.mjs (run by `pnpm test`) installs Debian's chromium where it may;
// where there is none these tests fail and say so: they are never skipped.
const executablePath = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium"
const missing =
  `Chromium not found at ${executablePath}: run \`node scripts/ensure-chromium.mjs\` (as root it installs Debian's chromium) or set CHROMIUM_PATH`
const artifacts = join(import.meta.dirname, "..", "test-artifacts")

const sample: Report.Report = {
  title: "共治报告（测试）",
  sections: [{
    title: "组织与积分",
    blocks: [
      {
        _tag: "OrgChart",
        title: "组织架构",
        nodes: [{ id: "gc", label: "社区大党委" }, { id: "b", parentId: "gc", label: "网格党支部" }, {
          id: "g",
          parentId: "b",
          label: "楼栋党小组"
        }]
      },
      {
        _tag: "Bars",
        title: "积分排行",
        unit: "分",
        bars: [{ label: "哈*喜", value: 400 }, { label: "周*宏", value: 320 }]
      },
      { _tag: "Table", title: "覆盖", sheet: "coverage", columns: ["社区", "网格"], rows: [["A", 12]] }
    ]
  }]
}

/** Renders an HTML file in Chromium and returns what the page showed. */
export const inspectInChromium = async (htmlPath: string, screenshot: string) => {
  const browser = await chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"]
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } })
    const consoleErrors: Array<string> = []
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text())
    })
    page.on("pageerror", (error) => consoleErrors.push(String(error)))
    await page.goto(`file://${htmlPath}`)
    const svgs = await page.locator("svg").count()
    const rects = await page.locator("svg rect").count()
    const title = await page.title()
    mkdirSync(artifacts, { recursive: true })
    await page.screenshot({ path: screenshot, fullPage: true })
    return { svgs, rects, title, consoleErrors }
  } finally {
    await browser.close()
  }
}

describe("Report in a browser", () => {
  it(
    "renders its charts in headless Chromium without console errors",
    async () => {
      expect(existsSync(executablePath), missing).toBe(true)
      mkdirSync(artifacts, { recursive: true })
      const file = join(artifacts, "sample-report.html")
      writeFileSync(file, Report.toHtml(sample))
      const seen = await inspectInChromium(file, join(artifacts, "sample-report.png"))
      expect(seen.title).toBe("共治报告（测试）")
      expect(seen.svgs).toBe(2)
      expect(seen.rects).toBeGreaterThanOrEqual(5)
      expect(seen.consoleErrors).toEqual([])
    },
    60_000
  )

  it(
    "renders the demo's county report: charts, tables, no console errors",
    async () => {
      expect(existsSync(executablePath), missing).toBe(true)
      const out = join(artifacts, "demo")
      const quiet = { isTTY: false, write: () => true }
      expect(await Main.run(["demo", "--quiet", "--out", out], { ...Io.node(), stdout: quiet, stderr: quiet })).toBe(0)
      const seen = await inspectInChromium(join(out, "report.html"), join(artifacts, "demo-report.png"))
      expect(seen.title).toContain("共治演示报告")
      expect(seen.svgs).toBeGreaterThanOrEqual(4)
      expect(seen.rects).toBeGreaterThanOrEqual(30)
      expect(seen.consoleErrors).toEqual([])
    },
    120_000
  )
})
