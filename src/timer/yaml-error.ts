import type { YAMLError } from 'yaml';

/**
 * A YAML (or JSON) parse error in one line: the parser's first line without its trailing
 * ` at line 3, column 1:` (which introduces a code excerpt we do not print), and where it is.
 */
export function yamlErrorText(error: YAMLError): { message: string; line?: number } {
  const [first = ''] = error.message.split('\n');
  const message = first.replace(/\s+at line \d+, column \d+:?\s*$/, '').replace(/:\s*$/, '');
  const position = error.linePos?.[0];
  return {
    message: position ? `${message} (column ${position.col})` : message,
    ...(position ? { line: position.line } : {}),
  };
}
