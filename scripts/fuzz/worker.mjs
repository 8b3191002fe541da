// The worker thread's entry: tsx's loader is registered in each thread that runs TypeScript.
import { register } from "tsx/esm/api"

register()
await import("./worker.ts")
