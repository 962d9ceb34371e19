import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** The parts of action.yml the generators and tests read. */
export interface ActionYml {
  runs: { using: string; main: string };
  inputs: Record<string, { description?: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description?: string }>;
}

export const ACTION_YML = new URL('../action.yml', import.meta.url);

export function readActionYml(path: URL | string = ACTION_YML): ActionYml {
  return parse(readFileSync(path, 'utf8')) as ActionYml;
}

/** One line of text from a folded YAML description. */
export function oneLine(text: string | undefined): string {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}
