/**
 * Where a cold step's time goes: a V8 CPU profile (`node --cpu-prof`) summed by where each
 * sample was, a bundled function by the package its source map says it comes from.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  /** Where the function starts, 0-based. */
  lineNumber?: number;
  columnNumber?: number;
}

/** The part of a `.cpuprofile` this reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
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

/**
 * Milliseconds by the package whose code was running or had called what was (the nearest
 * bundled frame on the sample's stack, `packageOfFrame` naming it): Node compiling a built-in
 * that undici requires counts as undici. Samples with no bundled frame on their stack keep
 * their place (placeOf): Node loading the bundle's files, the collector, idle time.
 */
export function timeByPackage(
  profile: CpuProfile,
  packageOfFrame: (frame: CallFrame) => string | undefined,
): [place: string, milliseconds: number][] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  const placeOfNode = new Map<number, string>();
  const place = (id: number): string => {
    const known = placeOfNode.get(id);
    if (known !== undefined) return known;
    const frame = byId.get(id)?.callFrame;
    let found = frame ? packageOfFrame(frame) : undefined;
    for (
      let up = parentOf.get(id);
      found === undefined && up !== undefined;
      up = parentOf.get(up)
    ) {
      const outer = byId.get(up)?.callFrame;
      found = outer ? packageOfFrame(outer) : undefined;
    }
    const result = found ?? (frame ? placeOf(frame.functionName, frame.url) : 'unknown');
    placeOfNode.set(id, result);
    return result;
  };
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index + 1] ?? 0;
    totals.set(place(id), (totals.get(place(id)) ?? 0) + micros / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/**
 * A `packageOfFrame` for timeByPackage: the package a frame in any bundle's file comes from, by
 * the source map beside that file (so bundles in other directories, an earlier build, work too).
 */
export function bundledPackage(): (frame: CallFrame) => string | undefined {
  const maps = new Map<string, SourceMap | undefined>();
  return (frame) => {
    if (!/^file:.*\/[^/]+\.js$/.test(frame.url)) return undefined;
    const file = fileURLToPath(frame.url);
    if (!maps.has(file)) {
      const map = `${file}.map`;
      maps.set(
        file,
        existsSync(map) ? new SourceMap(JSON.parse(readFileSync(map, 'utf8'))) : undefined,
      );
    }
    const entry = maps.get(file)?.findEntry(frame.lineNumber ?? 0, frame.columnNumber ?? 0);
    const source = entry && 'originalSource' in entry ? entry.originalSource : undefined;
    if (!source) return undefined;
    // undici compiles its HTTP parser (WebAssembly) with the first request: a place of its own.
    return frame.functionName === 'lazyllhttp'
      ? `${packageOf(source)}: compiling its HTTP parser (WebAssembly)`
      : packageOf(source);
  };
}
