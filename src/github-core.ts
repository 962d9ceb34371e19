import * as core from '@actions/core';
import type { AnnotationPlace, CorePort } from './core-port.js';

/*
 * The GitHub runner's side of the CorePort: @actions/core speaks the runner's protocol (INPUT_*
 * variables, workflow commands, the GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files). Only the
 * runner's entry (index.ts) imports this file; a command line implements the port its own way.
 */

export function githubCore(): CorePort {
  return {
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    setSecret: (secret) => core.setSecret(secret),
    setFailed: (message) => core.setFailed(message),
    debug: (message) => core.debug(message),
    info: (message) => core.info(message),
    notice: (message, place) => core.notice(message, propertiesOf(place)),
    warning: (message, place) => core.warning(message, propertiesOf(place)),
    error: (message, place) => core.error(message, propertiesOf(place)),
    writeSummary: async (markdown) => {
      // Outside a runner (a step run by hand) there is no job summary to add to.
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      await core.summary.addRaw(markdown).write();
    },
  };
}

/** The place as @actions/core takes it, without empty properties (they would print `::notice ::`). */
function propertiesOf(place: AnnotationPlace = {}): core.AnnotationProperties {
  const { title, file, startLine } = place;
  return Object.fromEntries(
    Object.entries({ title, file, startLine }).filter(
      ([, value]) => value !== undefined && value !== '',
    ),
  );
}
