// `pnpm gongzhi …`: runs the built command (packages/cli/dist/bin.js), as users get it.
import { existsSync } from "node:fs"
import { fileURLToPath } from "node:url"

const bin = fileURLToPath(new URL("../packages/cli/dist/bin.js", import.meta.url))
if (!existsSync(bin)) {
  console.error("gongzhi: the command is not built yet: run `pnpm build` (or `pnpm demo`, which builds it) first")
  process.exit(2)
}
await import(bin)
