import { z } from 'zod';

/*
 * The documents Timers answers with for a timer, read tolerantly (unknown fields and statuses
 * pass through). Two families describe the same timer: v2 timer documents (`number_of_runs`,
 * `body`) and job documents (`n_runs`, `callback_body.body`, `results`).
 */

const runResultSchema = z.looseObject({
  ran_at: z.string().nullish(),
  run_status: z.string().nullish(),
  start_timestamp: z.string().nullish(),
  end_timestamp: z.string().nullish(),
  status: z.number().nullish(),
  http_status_submission: z.number().nullish(),
  http_status_polled: z.number().nullish(),
  resource_id: z.string().nullish(),
  data: z.unknown().optional(),
  errors: z.unknown().optional(),
});

export const endSchema = z.looseObject({
  condition: z.string().nullish(),
  count: z.number().nullish(),
  iterations: z.number().nullish(),
  datetime: z.string().nullish(),
});

const scheduleSchema = z.looseObject({
  type: z.string(),
  datetime: z.string().nullish(),
  interval_seconds: z.number().nullish(),
  start: z.string().nullish(),
  end: endSchema.nullish(),
});

export const timerDocumentSchema = z.looseObject({
  job_id: z.string(),
  name: z.string().nullish(),
  status: z.string().default('unknown'),
  timer_type: z.string().nullish(),
  flow_id: z.string().nullish(),
  submitted_at: z.string().nullish(),
  last_ran_at: z.string().nullish(),
  next_run: z.string().nullish(),
  number_of_runs: z.number().nullish(),
  number_of_errors: z.number().nullish(),
  n_runs: z.number().nullish(),
  n_errors: z.number().nullish(),
  schedule: scheduleSchema.nullish(),
  start: z.string().nullish(),
  interval: z.number().nullish(),
  stop_after: z.looseObject({ date: z.string().nullish(), n_runs: z.number().nullish() }).nullish(),
  body: z.record(z.string(), z.unknown()).nullish(),
  callback_body: z.looseObject({ body: z.record(z.string(), z.unknown()).nullish() }).nullish(),
  inactive_reason: z
    .looseObject({ cause: z.string().nullish(), detail: z.unknown().optional() })
    .nullish(),
  activity: z.looseObject({ code: z.string().nullish() }).nullish(),
  results: z
    .union([
      z.looseObject({
        data: z.array(runResultSchema).default([]),
        page_next: z.string().nullish(),
      }),
      z.array(runResultSchema),
    ])
    .nullish(),
});

export type TimerDocument = z.infer<typeof timerDocumentSchema>;
export type RunResultDocument = z.infer<typeof runResultSchema>;
