import type { TimerKind } from '../kind.js';
import { ofKind } from '../kind.js';
import { dataAccessFor } from './data-access.js';
import {
  overlayTransfer,
  reconcileTransfer,
  transferCreateFields,
  transferLiveValues,
  transferSpecValues,
} from './spec.js';
import { followTransfer, taskPath } from './task.js';

/** Timers whose runs submit a Transfer task (`timer_type: "transfer"`). */
export const transferKind: TimerKind = {
  name: 'transfer',
  createFields: transferCreateFields,
  values: transferSpecValues,
  liveValues: transferLiveValues,
  reconcile: reconcileTransfer,
  overlay: overlayTransfer,
  problems: async () => [],
  prepare: async (context, spec, setting) => ({
    dataAccess: await dataAccessFor(context, ofKind(spec, 'transfer').body, setting),
    dependencies: [],
  }),
  leadPath: taskPath,
  consentsOf: async (context, live, setting) => ({
    dataAccess:
      live.kind === 'transfer' && live.body ? await dataAccessFor(context, live.body, setting) : [],
    dependencies: [],
  }),
  follow: followTransfer,
};
