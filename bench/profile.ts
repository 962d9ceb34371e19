/**
 * Where a cold step's time goes: a V8 CPU profile (`node --cpu-prof`) summed by where each
 * sample was, a bundled function by the package its source map says it comes from.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { basename } from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  /** Where the function starts, 0-based. */
  lineNumber?: number;
  columnNumber?: number;
}

/** The part of a `.cpuprofile` this reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[];
  samples: number[];
  /** Microseconds between samples; sample i ran from its delta to the next one. */
  timeDeltas: number[];
}

/** Where a sample was: a dist file, Node's own code, WebAssembly, the collector, idle… */
export function placeOf(functionName: string, url: string): string {
  if (functionName === '(idle)') return 'idle (waiting on I/O)';
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (url.startsWith('wasm:')) return 'WebAssembly';
  if (url.startsWith('node:internal/modules/')) return 'Node: loading modules';
  if (url.startsWith('node:')) return 'Node: other built-ins (http, streams…)';
  if (/\/dist\/[^/]+\.js$/.test(url)) return `dist/${basename(url)}`;
  return 'V8 (compiling, start-up) and other';
}

/**
 * Milliseconds by place, largest first; `refine` may name a finer place for a frame (the
 * original source of a bundled function).
 */
export function timeByPlace(
  profile: CpuProfile,
  refine: (frame: CallFrame) => string | undefined = () => undefined,
): [place: string, milliseconds: number][] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id);
    const micros = profile.timeDeltas[index + 1] ?? 0;
    const place = frame ? (refine(frame) ?? placeOf(frame.functionName, frame.url)) : 'unknown';
    totals.set(place, (totals.get(place) ?? 0) + micros / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** Where in the bundle's sources: `dist/index.js: zod`, `dist/index.js: src/`. */
export function packageOf(originalSource: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(originalSource)?.[1];
  if (inPackage) return inPackage;
  return /(^|\/)src\//.test(originalSource) ? 'the action (src/)' : 'bundler glue';
}

/** A `refine` for timeByPlace: frames in dist/ files by the package their function is from. */
export function bySourcePackage(): (frame: CallFrame) => string | undefined {
  const maps = new Map<string, SourceMap | undefined>();
  return (frame) => {
    const file = /\/(dist\/[^/]+\.js)$/.exec(frame.url)?.[1];
    if (!file) return undefined;
    if (!maps.has(file)) {
      const map = `${file}.map`;
      maps.set(
        file,
        existsSync(map) ? new SourceMap(JSON.parse(readFileSync(map, 'utf8'))) : undefined,
      );
    }
    const entry = maps.get(file)?.findEntry(frame.lineNumber ?? 0, frame.columnNumber ?? 0);
    const source = entry && 'originalSource' in entry ? entry.originalSource : undefined;
    return source ? `${file}: ${packageOf(source)}` : undefined;
  };
}
