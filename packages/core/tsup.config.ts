import { library } from "../../tsup.base.js"

export default library(["src/index.ts", "src/fp-ts.ts"], { external: ["effect", "fp-ts"] })
