import { z } from 'zod';
import type { Credentials } from './credentials.js';
import type { HttpClient, HttpRequest } from './http.js';

/** The parts of a Transfer endpoint/collection document the action reads. */
export const collectionSchema = z.looseObject({
  id: z.string(),
  display_name: z.string().nullish(),
  entity_type: z.string().nullish(),
  high_assurance: z.boolean().nullish(),
  gcs_version: z.string().nullish(),
});
export type Collection = z.infer<typeof collectionSchema>;

/** The parts of a Transfer task document the action reads. */
export const taskSchema = z.looseObject({
  task_id: z.string(),
  status: z.string(),
  type: z.string().nullish(),
  label: z.string().nullish(),
  /** `OK`, `Queued`, or the code of an error Transfer is retrying on; null once finished. */
  nice_status: z.string().nullish(),
  nice_status_short_description: z.string().nullish(),
  /** `false` while the task keeps meeting errors (it stays ACTIVE and retries). */
  is_ok: z.boolean().nullish(),
  is_paused: z.boolean().nullish(),
  deadline: z.string().nullish(),
  fatal_error: z
    .looseObject({ code: z.string().nullish(), description: z.string().nullish() })
    .nullish(),
  request_time: z.string().nullish(),
  completion_time: z.string().nullish(),
  files: z.number().nullish(),
  files_transferred: z.number().nullish(),
  files_skipped: z.number().nullish(),
  bytes_transferred: z.number().nullish(),
  faults: z.number().nullish(),
  subtasks_failed: z.number().nullish(),
});
export type TransferTask = z.infer<typeof taskSchema>;

/**
 * One event of a task's event list (https://docs.globus.org/api/transfer/task_events/): every field may be missing, and `details`
 * is text by the documentation but read as whatever comes.
 */
const taskEventSchema = z.looseObject({
  code: z.string().nullish(),
  description: z.string().nullish(),
  details: z.unknown().optional(),
  is_error: z.boolean().nullish(),
  time: z.string().nullish(),
});
export type TaskEvent = z.infer<typeof taskEventSchema>;

/** How many of a task's newest events are read to find its latest error. */
const TASK_EVENTS_READ = 20;

/**
 * The rule the official CLI applies at run time (docs/globus-variants.md): a collection needs the
 * data_access dependency exactly when it is a GCS v5 mapped collection that is not
 * high-assurance (strictly `false`; missing or null means no).
 */
export function needsDataAccess(collection: Collection): boolean {
  return (
    collection.entity_type === 'GCSv5_mapped_collection' && collection.high_assurance === false
  );
}

export class TransferApi {
  /** A step may ask about the same collection for several timers; ask Transfer once. */
  private readonly collections = new Map<string, Promise<Collection>>();

  constructor(
    private readonly http: HttpClient,
    private readonly credentials: Credentials,
  ) {}

  collection(id: string): Promise<Collection> {
    const cached = this.collections.get(id);
    if (cached) return cached;
    const lookup = this.lookUp(id);
    this.collections.set(id, lookup);
    lookup.catch(() => this.collections.delete(id));
    return lookup;
  }

  private async lookUp(id: string): Promise<Collection> {
    return collectionSchema.parse(await this.get(`/v0.10/endpoint/${encodeURIComponent(id)}`));
  }

  async task(id: string): Promise<TransferTask> {
    return taskSchema.parse(await this.get(`/v0.10/task/${encodeURIComponent(id)}`));
  }

  /**
   * The task's newest events, newest first (`GET /v0.10/task/{id}/event_list`, one page). An
   * entry that is not an event document is left out rather than failing the read.
   */
  async taskEvents(id: string, limit = TASK_EVENTS_READ): Promise<TaskEvent[]> {
    const body = await this.get(`/v0.10/task/${encodeURIComponent(id)}/event_list`, {
      limit,
      offset: 0,
    });
    const { DATA } = z.looseObject({ DATA: z.array(z.unknown()).nullish() }).parse(body);
    return (DATA ?? []).flatMap((entry) => {
      const event = taskEventSchema.safeParse(entry);
      return event.success ? [event.data] : [];
    });
  }

  private async get(path: string, query?: HttpRequest['query']): Promise<unknown> {
    const { http, credentials } = this;
    const response = await credentials.sendAuthorized(
      () => credentials.transfer(),
      (authorization) =>
        http.request({
          service: 'transfer',
          method: 'GET',
          path,
          authorization,
          ...(query ? { query } : {}),
        }),
    );
    return response.body;
  }
}
