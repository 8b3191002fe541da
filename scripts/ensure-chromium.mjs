// Makes sure the browser tests have a Chromium to run: the one named by CHROMIUM_PATH, or
// Debian's /usr/bin/chromium — installed here with apt-get (with a CJK font, so that Chinese
// renders in screenshots) when it is missing and this process may (root, or sudo without a
// password). No browser is downloaded from anywhere else. If none can be had, this fails and
// says what is missing and how to get it: the browser tests are never skipped silently.
import { execFileSync, spawnSync } from "node:child_process"
import { existsSync } from "node:fs"

const wanted = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
const say = (text) => console.log(`ensure-chromium: ${text}`)

if (existsSync(wanted)) {
  say(`using ${wanted}`)
  process.exit(0)
}
if (process.env.CHROMIUM_PATH !== undefined) {
  console.error(`ensure-chromium: CHROMIUM_PATH is ${wanted}, which does not exist`)
  process.exit(1)
}

const has = (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0
const isRoot = typeof process.getuid === "function" && process.getuid() === 0
const sudo = !isRoot && has("sudo") && spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0
if (!has("apt-get") || (!isRoot && !sudo)) {
  console.error(
    "ensure-chromium: the browser tests need Chromium and there is none at /usr/bin/chromium.\n" +
      "  Install Debian's package (as root: apt-get install chromium fonts-wqy-zenhei),\n" +
      "  or point CHROMIUM_PATH at a Chromium or Chrome binary, then run the tests again."
  )
  process.exit(1)
}

const run = (args) =>
  execFileSync(isRoot ? args[0] : "sudo", isRoot ? args.slice(1) : ["-n", ...args], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
  })
say("no Chromium at /usr/bin/chromium: installing Debian's chromium and a CJK font with apt-get (once per machine)…")
const started = Date.now()
try {
  run(["apt-get", "update", "-qq"])
  run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium", "fonts-wqy-zenhei"])
} catch (error) {
  console.error(
    `ensure-chromium: apt-get could not install chromium: ${error instanceof Error ? error.message : error}`
  )
  process.exit(1)
}
if (!existsSync(wanted)) {
  console.error("ensure-chromium: apt-get finished but /usr/bin/chromium is still missing")
  process.exit(1)
}
say(`installed ${wanted} in ${((Date.now() - started) / 1000).toFixed(0)} s`)
