import * as core from '@actions/core';

export interface AnnotationPlace {
  title?: string;
  file?: string;
  startLine?: number;
}

/** The slice of @actions/core the action uses; tests pass a fake, the runner gets the real one. */
export interface CorePort {
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  setSecret(secret: string): void;
  setFailed(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  notice(message: string, place?: AnnotationPlace): void;
  warning(message: string, place?: AnnotationPlace): void;
  error(message: string, place?: AnnotationPlace): void;
  writeSummary(markdown: string): Promise<void>;
}

export const actionsCore: CorePort = {
  getInput: (name) => core.getInput(name),
  setOutput: (name, value) => core.setOutput(name, value),
  setSecret: (secret) => core.setSecret(secret),
  setFailed: (message) => core.setFailed(message),
  debug: (message) => core.debug(message),
  info: (message) => core.info(message),
  notice: (message, place) => core.notice(message, place),
  warning: (message, place) => core.warning(message, place),
  error: (message, place) => core.error(message, place),
  writeSummary: async (markdown) => {
    await core.summary.addRaw(markdown).write();
  },
};
