/** Timers' `FlowStartDocument`: what every run of a flow timer starts its flow with. */
export interface FlowStartDocument {
  /** The flow's input. */
  body: Record<string, unknown>;
  tags?: string[];
  run_managers?: string[];
  run_monitors?: string[];
}

const LISTS = ['tags', 'run_managers', 'run_monitors'] as const;

/**
 * The document in one form whatever wrote it, so one we would send and one Globus echoes
 * compare equal exactly when they start the same runs: the lists are sets (sorted, no repeats,
 * none when empty), and anything else the service adds is left out.
 */
export function normalizeFlowStart(raw: unknown): FlowStartDocument {
  const source = isObject(raw) ? raw : {};
  const document: FlowStartDocument = { body: isObject(source.body) ? source.body : {} };
  for (const key of LISTS) {
    const list = strings(source[key]);
    if (list.length > 0) document[key] = list;
  }
  return document;
}

function strings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const items = value.filter((item): item is string => typeof item === 'string' && item !== '');
  return [...new Set(items)].sort();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
