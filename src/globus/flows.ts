import { z } from 'zod';
import type { Credentials } from './credentials.js';
import type { HttpClient } from './http.js';

/** The parts of a flow document the action reads: its input schema and its run scope. */
export const flowSchema = z.looseObject({
  id: z.string(),
  title: z.string().nullish(),
  input_schema: z.unknown().optional(),
  globus_auth_scope: z.string().nullish(),
});
export type Flow = z.infer<typeof flowSchema>;

/** The parts of a Flows run the action reads and reports. */
export const flowRunSchema = z.looseObject({
  run_id: z.string(),
  flow_id: z.string().nullish(),
  status: z.string(),
  display_status: z.string().nullish(),
  start_time: z.string().nullish(),
  completion_time: z.string().nullish(),
  label: z.string().nullish(),
  details: z.unknown().optional(),
});
export type FlowRun = z.infer<typeof flowRunSchema>;

/** Globus Flows: the flow a timer starts, and the runs it started. */
export class FlowsApi {
  /** A step may ask about the same flow for several timers; ask Flows once. */
  private readonly flows = new Map<string, Promise<Flow>>();

  constructor(
    private readonly http: HttpClient,
    private readonly credentials: Credentials,
  ) {}

  flow(id: string): Promise<Flow> {
    const known = this.flows.get(id);
    if (known) return known;
    const lookup = this.get(`/flows/${encodeURIComponent(id)}`).then((body) =>
      flowSchema.parse(body),
    );
    this.flows.set(id, lookup);
    lookup.catch(() => this.flows.delete(id));
    return lookup;
  }

  async run(id: string): Promise<FlowRun> {
    return flowRunSchema.parse(await this.get(`/runs/${encodeURIComponent(id)}`));
  }

  private async get(path: string): Promise<unknown> {
    const { http, credentials } = this;
    const response = await credentials.sendAuthorized(
      () => credentials.flows(),
      (authorization) => http.request({ service: 'flows', method: 'GET', path, authorization }),
    );
    return response.body;
  }
}
