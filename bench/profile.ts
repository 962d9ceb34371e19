/**
 * Where a cold step's time goes: a V8 CPU profile (`node --cpu-prof`) summed by where each
 * sample was, the bundle's chunks named after the package most of their source comes from.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** The part of a `.cpuprofile` this reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  /** Microseconds between samples; sample i ran from its delta to the next one. */
  timeDeltas: number[];
}

/** Where a sample was: a dist file, Node's own code, WebAssembly, the collector, idle… */
export function placeOf(functionName: string, url: string): string {
  if (functionName === '(idle)') return 'idle (waiting on I/O)';
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (url.startsWith('wasm:')) return 'WebAssembly';
  if (url.startsWith('node:')) return "Node's own modules";
  if (/\/dist\/[^/]+\.js$/.test(url)) return `dist/${basename(url)}`;
  return 'V8 (compiling, start-up) and other';
}

/** Milliseconds by place, largest first. */
export function timeByPlace(profile: CpuProfile): [place: string, milliseconds: number][] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id);
    const micros = profile.timeDeltas[index + 1] ?? 0;
    const place = frame ? placeOf(frame.functionName, frame.url) : 'unknown';
    totals.set(place, (totals.get(place) ?? 0) + micros / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** `dist/752.index.js` → `dist/752.index.js (undici)`, from the chunk's source map. */
export function nameChunk(place: string): string {
  const map = `${place}.map`;
  if (!place.startsWith('dist/') || !existsSync(map)) return place;
  const { sources } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] };
  const counts = new Map<string, number>();
  for (const source of sources) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1] ?? 'the action';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const named = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3);
  return `${place} (${named.map(([name]) => name).join(', ')})`;
}
