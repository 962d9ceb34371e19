import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { readActionYml } from '../scripts/action-yml.js';
import { INPUT_CATALOG, SPEC_FILE_KEYS, type InputDefinition } from '../src/input-catalog.js';
import { InputReader } from '../src/timer/input-reader.js';
import { readTimerFields } from '../src/timer/timer-fields.js';

const action = readActionYml();
const catalog = INPUT_CATALOG as Record<string, InputDefinition>;

/** The keys readTimerFields asks for: what a timer, from inputs or a spec file, is made of. */
async function keysTheTimerReaderReads(): Promise<string[]> {
  const names = new Set<string>();
  const reader = new InputReader((name) => {
    names.add(name);
    return '';
  });
  await readTimerFields(reader, { workspace: '.', now: () => DateTime.utc() });
  return [...names];
}

describe('the input catalog', () => {
  it('declares exactly the inputs of action.yml, in the same order', async () => {
    expect(Object.keys(catalog)).toEqual(Object.keys(action.inputs));
  });

  it('gives spec files exactly the timer keys, plus data-access and previous-name', async () => {
    expect([...SPEC_FILE_KEYS].sort()).toEqual(
      [...(await keysTheTimerReaderReads()), 'data-access', 'previous-name'].sort(),
    );
  });

  it('calls boolean exactly the inputs whose default is true or false', async () => {
    const booleanKind = Object.keys(catalog).filter(
      (name) => catalog[name]?.kind.type === 'boolean',
    );
    const booleanDefault = Object.keys(action.inputs).filter((name) =>
      /^(true|false)$/.test(String(action.inputs[name]?.default)),
    );
    expect(booleanKind).toEqual(booleanDefault);
  });

  it('names operations for every input, never an empty list', async () => {
    const empty = Object.entries(catalog)
      .filter(([, input]) => input.operations !== 'all' && input.operations.length === 0)
      .map(([name]) => name);
    expect(empty).toEqual([]);
  });
});
