import type { TimerKind } from '../kind.js';
import { flowScope, prepareFlow, problemsOfFlow } from './prepare.js';
import { flowRunPath, followFlow } from './run.js';
import { flowCreateFields, flowLiveValues, flowSpecValues, overlayFlow } from './spec.js';

/** Timers whose runs start a Globus Flow (`timer_type: "flow"`). */
export const flowKind: TimerKind = {
  name: 'flow',
  createFields: flowCreateFields,
  values: flowSpecValues,
  liveValues: flowLiveValues,
  reconcile: (desired) => desired,
  overlay: overlayFlow,
  problems: problemsOfFlow,
  prepare: (context, spec) => prepareFlow(context, spec),
  leadPath: flowRunPath,
  consentsOf: async (context, live) => ({
    dataAccess: [],
    dependencies:
      live.kind === 'flow' && live.flowId ? [await flowScope(context, live.flowId)] : [],
  }),
  follow: followFlow,
};
