import type { AnnotationPlace, CorePort } from '../src/core-port.js';

export interface Annotation {
  level: 'notice' | 'warning' | 'error';
  message: string;
  place?: AnnotationPlace;
}

/** A CorePort that records everything, for tests of run(). */
export class FakeCore implements CorePort {
  readonly outputs: Record<string, string> = {};
  readonly secrets: string[] = [];
  readonly logs: string[] = [];
  readonly annotations: Annotation[] = [];
  readonly summaries: string[] = [];
  failed?: string;

  constructor(private readonly inputs: Record<string, string> = {}) {}

  getInput(name: string): string {
    return (this.inputs[name] ?? '').trim();
  }
  setOutput(name: string, value: string): void {
    this.outputs[name] = value;
  }
  setSecret(secret: string): void {
    this.secrets.push(secret);
  }
  setFailed(message: string): void {
    this.failed = message;
  }
  debug(message: string): void {
    this.logs.push(`debug: ${message}`);
  }
  info(message: string): void {
    this.logs.push(message);
  }
  notice(message: string, place?: AnnotationPlace): void {
    this.annotations.push({ level: 'notice', message, ...(place ? { place } : {}) });
  }
  warning(message: string, place?: AnnotationPlace): void {
    this.annotations.push({ level: 'warning', message, ...(place ? { place } : {}) });
  }
  error(message: string, place?: AnnotationPlace): void {
    this.annotations.push({ level: 'error', message, ...(place ? { place } : {}) });
  }
  async writeSummary(markdown: string): Promise<void> {
    this.summaries.push(markdown);
  }

  /** Everything a user could see: logs, annotations, summaries, the failure, the outputs. */
  visibleText(): string {
    return [
      ...this.logs,
      ...this.annotations.map((a) => a.message),
      ...this.summaries,
      this.failed ?? '',
      ...Object.values(this.outputs),
    ].join('\n');
  }
}
