/**
 * Scoring in headless Chromium under `Content-Security-Policy: script-src 'self'` (no
 * 'unsafe-eval'): the package, bundled for the browser, scores the presets and evaluates JSON
 * Logic with no code generated at run time — any `eval` or `new Function` would be refused and
 * reported as a CSP violation. Uses Debian's `chromium` as `packages/cli/test/browser.test.ts`
 * does (CHROMIUM_PATH to use another); where there is none the test fails and says so.
 */
import { build } from "esbuild"
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { chromium } from "playwright-core"
import { describe, expect, it } from "vitest"

const executablePath = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium"
const missing =
  `Chromium not found at ${executablePath}: run \`node scripts/ensure-chromium.mjs\` (as root it installs Debian's chromium) or set CHROMIUM_PATH`

const entry = (src: string) => `
import { Assessment, Expression, Inputs, Presets } from ${JSON.stringify(src)}
import { LogicEngine } from "json-logic-engine"
const violations = []
document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective))
const out = {}
const stars = Assessment.score(Presets.branchStars, Presets.branchStarsExample)
out.stars = stars._tag === "Success" ? stars.success.subjects.map((s) => s.total) : stars.failure.issues.map((i) => i.code)
const member = Assessment.score(Presets.qijiangCommitteeMember, Inputs.make("qijiang-committee-member", [
  { id: "m", values: { attendance: 4, tasks: 1, resources: ["venue"] } }
]))
out.vetoes = member._tag === "Success" ? member.success.subjects[0].vetoes.map((v) => v.id) : member.failure.issues.map((i) => i.code)
const rule = Expression.compile({ "if": [{ "<": [{ "var": "x" }, 1] }, "low", "high"] })
out.rule = rule._tag === "Success" ? rule.success.evaluate({ x: 0 }) : null
setTimeout(() => {
  out.violationsWhileScoring = violations.length
  // the policy is in force: generating code is refused
  try { new Function("return 1"); out.codegen = "allowed" } catch { out.codegen = "refused" }
  // for comparison: json-logic-engine's compiled mode
  try { new LogicEngine().build({ "+": [1, { "var": "x" }] }); out.logicEngineBuild = "ran" } catch { out.logicEngineBuild = "refused" }
  setTimeout(() => {
    out.violationsAfter = violations.length
    window.__result = out
  }, 50)
}, 50)
`

describe("Assessment", () => {
  describe("scoring", () => {
    it("scores in headless Chromium under script-src 'self': no code generated at run time", async () => {
      expect(existsSync(executablePath), missing).toBe(true)
      const dir = mkdtempSync(join(tmpdir(), "assess-browser-"))
      const server = createServer()
      try {
        const entryFile = join(dir, "entry.js")
        writeFileSync(entryFile, entry(resolve(__dirname, "../src/index.ts")))
        const bundled = await build({
          entryPoints: [entryFile],
          bundle: true,
          write: false,
          format: "iife",
          platform: "browser",
          conditions: ["@gongzhi/source"],
          nodePaths: [resolve(__dirname, "../node_modules")],
          logLevel: "silent"
        })
        const script = bundled.outputFiles[0]!.text
        const page = `<!doctype html><html><head><meta charset="utf-8"><title>csp</title></head>` +
          `<body><script src="/bundle.js"></script></body></html>`
        server.on("request", (req, res) => {
          const headers = { "Content-Security-Policy": "script-src 'self'" }
          if (req.url === "/bundle.js") {
            res.writeHead(200, { ...headers, "Content-Type": "text/javascript" }).end(script)
          } else res.writeHead(200, { ...headers, "Content-Type": "text/html; charset=utf-8" }).end(page)
        })
        await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok))
        const { port } = server.address() as AddressInfo
        const browser = await chromium.launch({
          executablePath,
          args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
        })
        try {
          const tab = await browser.newPage()
          const errors: Array<string> = []
          tab.on("pageerror", (e) => errors.push(String(e)))
          await tab.goto(`http://127.0.0.1:${port}/`)
          await tab.waitForFunction(
            () => (globalThis as unknown as { __result?: unknown }).__result !== undefined,
            null,
            {
              timeout: 30_000
            }
          )
          const result = await tab.evaluate(() => (globalThis as unknown as { __result: unknown }).__result) as Record<
            string,
            unknown
          >
          console.log("in Chromium under script-src 'self':", JSON.stringify(result))
          expect(errors).toEqual([])
          expect(result["codegen"]).toBe("refused")
          expect(result["violationsWhileScoring"]).toBe(0)
          expect((result["stars"] as ReadonlyArray<unknown>).every((t) => typeof t === "number")).toBe(true)
          expect(result["vetoes"]).toEqual(["duty-failure"])
          expect(result["rule"]).toBe("low")
          // the same policy stops json-logic-engine's compiled mode, which generates code
          expect(result["logicEngineBuild"]).toBe("refused")
        } finally {
          await browser.close()
        }
      } finally {
        server.close()
        rmSync(dir, { recursive: true, force: true })
      }
    }, 120_000)
  })
})
