import { GlobusApiError, type GlobusApiErrorDetails } from '../src/globus/errors.js';
import type { Flow, FlowRun } from '../src/globus/flows.js';
import type { Collection, TaskEvent, TransferTask } from '../src/globus/transfer.js';
import type { KindContext } from '../src/kinds/kind.js';
import type { FlowTimerSpec, TransferTimerSpec } from '../src/timer/timer-spec.js';
import { recordingLog } from './recording-log.js';

export const FLOW_ID = '88718c96-6f3d-48f7-b4b1-b64633be40f5';
export const SOURCE = 'aa752cea-8222-5bc8-acd9-555b090c0ccb';
export const DESTINATION = '313ce13e-b597-5858-ae13-29e46fea26e6';
export const IDENTITY = 'de300000-0000-4000-8000-000000000001@clients.auth.globus.org';

/** What a stub service answers for an id: a document, or an error to throw. */
type Answer<T> = T | Error;

export interface KindsWorld {
  flows?: Record<string, Answer<Flow>>;
  runs?: Record<string, Answer<FlowRun>>;
  collections?: Record<string, Answer<Collection>>;
  tasks?: Record<string, Answer<TransferTask>>;
  /** A task's event list, by task id. */
  events?: Record<string, Answer<TaskEvent[]>>;
}

/**
 * A KindContext for the kinds' unit tests: Flows and Transfer stubs that answer from
 * `world` (an id they do not know is a 404) and record every id asked for, and a recording log.
 */
export function kindsContext(world: KindsWorld = {}) {
  const { log, logs } = recordingLog();
  const asked: string[] = [];
  const answer =
    <T>(service: 'flows' | 'transfer', what: string, known: Record<string, Answer<T>> = {}) =>
    async (id: string): Promise<T> => {
      asked.push(`${what} ${id}`);
      const found = known[id];
      if (found instanceof Error) throw found;
      if (found === undefined) throw apiError(404, { service, path: `/${what}/${id}` });
      return found;
    };
  const context: KindContext = {
    flows: {
      flow: answer('flows', 'flows', world.flows),
      run: answer('flows', 'runs', world.runs),
    },
    transfer: {
      collection: answer('transfer', 'endpoint', world.collections),
      task: answer('transfer', 'task', world.tasks),
      taskEvents: answer('transfer', 'event_list', world.events),
    },
    credentials: { identity: IDENTITY },
    log,
  };
  return { context, logs, asked };
}

/** An error as the Globus clients throw it, with this HTTP status (undefined: no answer). */
export function apiError(
  status: number | undefined,
  details: Partial<GlobusApiErrorDetails> = {},
): GlobusApiError {
  return new GlobusApiError({
    service: 'transfer',
    method: 'GET',
    path: '/x',
    detail: 'went wrong',
    ...(status === undefined ? {} : { status }),
    ...details,
  });
}

export function flowSpec(overrides: Partial<FlowTimerSpec> = {}): FlowTimerSpec {
  return {
    kind: 'flow',
    name: 'pipeline',
    flowId: FLOW_ID,
    schedule: { type: 'recurring', interval_seconds: 3600 },
    body: { body: { echo_string: 'hi' } },
    ...overrides,
  };
}

export function transferSpec(overrides: Partial<TransferTimerSpec> = {}): TransferTimerSpec {
  return {
    kind: 'transfer',
    name: 'nightly',
    schedule: { type: 'recurring', interval_seconds: 86400 },
    body: {
      DATA_TYPE: 'transfer',
      source_endpoint: SOURCE,
      destination_endpoint: DESTINATION,
      DATA: [{ DATA_TYPE: 'transfer_item', source_path: '/a', destination_path: '/b' }],
    },
    ...overrides,
  };
}
