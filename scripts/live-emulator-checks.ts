/**
 * What `npm run live` must show against the emulator, in CI: against a working service it
 * passes, having taken a flow timer and a mapped collection's data_access through their runs;
 * against one where every transfer fails it fails, its first failure naming the Transfer task
 * that failed and why; either way no request went anywhere but the service URLs given and no
 * `gta-live/` timer is left. The same checks judge the in-process run of the jest suite
 * (__tests__/e2e/live.test.ts) and the real-time run of the workflow (scripts/live-emulator.ts).
 */

/** The parts of the report (scripts/live-run.ts) these checks read. */
export interface LiveReportDocument {
  verdict: string;
  failures: string[];
  requests_outside_service_urls: string[];
  left_undeleted: string[];
  readings: Record<string, unknown>;
  steps: { step: string; outputs: Record<string, string>; problem?: string }[];
}

/** The timers as the emulator's state lists them. */
export interface TimerState {
  name: string | null;
  status: string;
}

/** The `gta-live/` timers that are still there (not deleted, nor being deleted). */
export function leftoverTimers(timers: TimerState[]): string[] {
  return timers
    .filter((timer) => timer.name?.startsWith('gta-live/'))
    .filter((timer) => !['deleted', 'delete_in_progress'].includes(timer.status))
    .map((timer) => String(timer.name));
}

/** What both runs must show: only the given URLs asked, nothing left behind. */
function commonProblems(report: LiveReportDocument, leftovers: string[]): string[] {
  const problems: string[] = [];
  if (report.requests_outside_service_urls.length > 0) {
    problems.push(
      `requests went outside the service URLs: ${report.requests_outside_service_urls.join(', ')}`,
    );
  }
  if (report.left_undeleted.length > 0 || leftovers.length > 0) {
    const names = [...new Set([...report.left_undeleted, ...leftovers])];
    problems.push(`gta-live/ timers were left behind: ${names.join(', ')}`);
  }
  return problems;
}

/** Why the run against a working service is not what it must be; empty when it is. */
export function healthyRunProblems(
  exitCode: number,
  report: LiveReportDocument,
  leftovers: string[],
): string[] {
  const problems = commonProblems(report, leftovers);
  if (exitCode !== 0 || report.verdict !== 'passed') {
    problems.push(
      `it did not pass (exit ${exitCode}, verdict ${report.verdict}): ${report.failures.join('; ')}`,
    );
  }
  const flow = report.readings.flow_timer as { flow_run_status?: string } | string | undefined;
  if (typeof flow !== 'object' || flow.flow_run_status !== 'SUCCEEDED') {
    problems.push(`no flow timer ran to SUCCEEDED: ${JSON.stringify(flow)}`);
  }
  const access = report.readings.data_access as { transfer_status?: string } | string | undefined;
  if (typeof access !== 'object' || access.transfer_status !== 'SUCCEEDED') {
    problems.push(`no data_access timer ran to SUCCEEDED: ${JSON.stringify(access)}`);
  }
  return problems;
}

/** Why the run against a service whose every transfer fails is not what it must be. */
export function failingRunProblems(
  exitCode: number,
  report: LiveReportDocument,
  leftovers: string[],
): string[] {
  const problems = commonProblems(report, leftovers);
  if (exitCode === 0 || report.verdict !== 'failed') {
    problems.push(`it did not fail (exit ${exitCode}, verdict ${report.verdict})`);
  }
  const first = report.failures[0] ?? '';
  const step = report.steps.find((record) => record.step === 'wait for the first run');
  const taskId = step?.outputs['transfer-task-id'];
  if (!first.startsWith('wait for the first run: ')) {
    problems.push(`its first failure is not the wait for the first run: "${first}"`);
  }
  // "FAILED: <why>", as the action words a failed task with its fatal error.
  if (!taskId || !first.includes(`Transfer task ${taskId} FAILED: `)) {
    problems.push(
      `its first failure does not name the failed Transfer task ${taskId ?? '(none)'} and why`,
    );
  }
  const flowProblems = report.steps.filter((r) => r.step.startsWith('flow timer:') && r.problem);
  if (flowProblems.length > 0) {
    problems.push(`the flow timer failed too: ${flowProblems.map((r) => r.problem).join('; ')}`);
  }
  return problems;
}
