import type { Redactor } from './redactor.js';

export interface AnnotationPlace {
  title?: string;
  file?: string;
  startLine?: number;
}

/** What the action asks of the runner; tests pass a fake, the runner gets github-core.ts. */
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

/**
 * The port the rest of the action talks to: every text on its way out (log lines, annotations,
 * outputs, the summary, the failure) passes the one redactor, and `protect` both masks a secret
 * for the runner and teaches the redactor its forms.
 */
export interface ProtectedCore extends CorePort {
  protect(secret: string): void;
  /** Text bound elsewhere than the runner (a pull-request comment), through the same redactor. */
  redact(text: string): string;
}

export function redactingCore(core: CorePort, redactor: Redactor): ProtectedCore {
  const clean = (text: string) => redactor.redact(text);
  return {
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, clean(value)),
    setSecret: (secret) => core.setSecret(secret),
    protect: (secret) => {
      for (const form of redactor.add(secret)) core.setSecret(form);
    },
    setFailed: (message) => core.setFailed(clean(message)),
    debug: (message) => core.debug(clean(message)),
    info: (message) => core.info(clean(message)),
    notice: (message, place) => core.notice(clean(message), place),
    warning: (message, place) => core.warning(clean(message), place),
    error: (message, place) => core.error(clean(message), place),
    writeSummary: (markdown) => core.writeSummary(clean(markdown)),
    redact: clean,
  };
}
