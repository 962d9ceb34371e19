import * as core from '@actions/core';

/** Placeholder until the operations land: validates the one input every operation needs. */
export async function run(): Promise<void> {
  const clientId = core.getInput('client-id') || process.env.GLOBUS_CLIENT_ID || '';
  if (!clientId) {
    core.setFailed('client-id: required (or set GLOBUS_CLIENT_ID)');
    return;
  }
  core.setFailed(`operation ${core.getInput('operation') || 'apply'}: not implemented yet`);
}
