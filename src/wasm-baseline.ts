import { setFlagsFromString } from 'node:v8';

/** V8's flags for WebAssembly on its baseline compiler (Liftoff) alone: no tier-up of any kind. */
export const WASM_BASELINE_FLAGS = '--no-wasm-tier-up --no-wasm-dynamic-tiering';

/**
 * undici parses HTTP with llhttp compiled to WebAssembly. After a few answers V8 compiles its
 * hot parser function again with its optimizing compiler, on a background thread, and a process
 * cannot end before that job is done: a short step waited for code it would never run (some
 * 70 ms of wall time, BENCHMARKS.md). Set before undici compiles its parser (with the first
 * request), these flags keep it on the baseline compiler, fast enough for a step's answers. An
 * optimisation only, never a reason to fail a step.
 */
export function keepWasmOnBaseline(): void {
  try {
    setFlagsFromString(WASM_BASELINE_FLAGS);
  } catch {
    // Nothing lost: the step runs as it would anyway.
  }
}
