import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FLOW_INPUTS, readFlowFields } from '../../src/timer/flow-fields.js';
import { InputReader, type ValuePlace } from '../../src/timer/input-reader.js';
import { quoted } from '../../src/words.js';
import { FLOW_ID } from '../../__fixtures__/kinds.js';

const workspace = mkdtempSync(join(tmpdir(), 'gta-flow-fields-'));
writeFileSync(join(workspace, 'input.json'), '{"echo_string": "from a file"}');
writeFileSync(join(workspace, 'list.yml'), '- 1\n- 2\n');

const ID = '5b08acc2-13a5-4f07-9a1b-195060c40eb7';
const MANAGER = `urn:globus:auth:identity:${ID}`;
const GROUP = 'urn:globus:groups:id:3E5B3B64-8E5D-4B0C-9E6E-1A2B3C4D5E6F';
const URN_HINT = '(use urn:globus:auth:identity:<id> or urn:globus:groups:id:<id>)';

async function read(inputs: Record<string, string>, place: ValuePlace = {}) {
  const reader = new InputReader((name) => inputs[name] ?? '', place);
  const fields = await readFlowFields(reader, workspace);
  return { fields, problems: reader.problems };
}

describe('flow timer inputs, read', () => {
  it('none given: nothing, and no problems', async () => {
    // Nothing given is no key at all, not a key set to undefined: update overlays what is given.
    expect(await read({})).toStrictEqual({ fields: {}, problems: [] });
    expect(FLOW_INPUTS).toEqual([
      'flow-id',
      'flow-input',
      'flow-input-file',
      'run-tags',
      'run-managers',
      'run-monitors',
    ]);
  });

  it('all given: the flow, its input and where it came from, and each list without repeats', async () => {
    expect(
      await read(
        {
          'flow-id': FLOW_ID.toUpperCase(),
          'flow-input': 'echo_string: hi',
          'run-tags': 'nightly, ci\nnightly',
          'run-managers': `${MANAGER}, ${MANAGER}`,
          'run-monitors': `${GROUP}\n${MANAGER}`,
        },
        { nameOf: (name) => `timers[0].${name}` },
      ),
    ).toEqual({
      fields: {
        flowId: FLOW_ID,
        input: { echo_string: 'hi' },
        inputFrom: 'timers[0].flow-input',
        tags: ['nightly', 'ci'],
        managers: [MANAGER],
        monitors: [GROUP, MANAGER],
      },
      problems: [],
    });
  });

  it('an input file is read from the workspace and named by its path', async () => {
    expect(await read({ 'flow-input-file': 'input.json' })).toEqual({
      fields: { input: { echo_string: 'from a file' }, inputFrom: 'input.json' },
      problems: [],
    });
  });

  it('a tag may be 100 characters long, not 101', async () => {
    const long = 'x'.repeat(100);
    expect((await read({ 'run-tags': long })).fields).toEqual({ tags: [long] });
    expect(await read({ 'run-tags': `ok, ${long}y` })).toEqual({
      fields: {},
      problems: [
        {
          input: 'run-tags',
          message: `${quoted(`ok, ${long}y`)} holds a tag over 100 characters (the most a run tag may have)`,
        },
      ],
    });
  });

  it('managers and monitors must be whole principal URNs', async () => {
    expect(await read({ 'run-managers': `someone, ${MANAGER}, ${ID}` })).toEqual({
      fields: {},
      problems: [
        {
          input: 'run-managers',
          message: `${quoted(`someone, ${MANAGER}, ${ID}`)} holds someone, ${ID}, which are not principal URNs ${URN_HINT}`,
        },
      ],
    });
    for (const almost of [
      `x${MANAGER}`,
      `${MANAGER}0`,
      `urn:globus:auth:group:${ID}`,
      `urn:globus:groups:identity:${ID}`,
      `urn:globus:auth:identity:${ID.replace(/-/g, '')}`,
    ]) {
      const { problems } = await read({ 'run-monitors': almost });
      expect(problems).toEqual([
        {
          input: 'run-monitors',
          message: `${quoted(almost)} is not a principal URN ${URN_HINT}`,
        },
      ]);
    }
  });
});

describe('the flow input, refused', () => {
  it('both flow-input and flow-input-file', async () => {
    expect(await read({ 'flow-input': '{}', 'flow-input-file': 'input.json' })).toEqual({
      fields: {},
      problems: [{ input: 'flow-input', message: 'give flow-input or flow-input-file, not both' }],
    });
  });

  it('a file that cannot be read', async () => {
    expect(await read({ 'flow-input-file': 'none.json' })).toEqual({
      fields: {},
      problems: [
        {
          input: 'flow-input-file',
          message: 'none.json: not found (paths are relative to the workspace)',
        },
      ],
    });
  });

  it('text that does not parse, with the line of the first error', async () => {
    expect(await read({ 'flow-input': '- 1\nx: 2' })).toEqual({
      fields: {},
      problems: [
        {
          input: 'flow-input',
          message: 'not valid JSON or YAML (line 2): Unexpected scalar at node end (column 1)',
        },
      ],
    });
  });

  it.each([['[1, 2]'], ['hello'], ['null'], ['3']])('%s, which is not an object', async (text) => {
    expect(await read({ 'flow-input': text })).toEqual({
      fields: {},
      problems: [
        {
          input: 'flow-input',
          message: 'must be a JSON object (or a YAML mapping): the flow’s input',
        },
      ],
    });
  });

  it('a file holding a list, named at flow-input-file', async () => {
    const { problems } = await read({ 'flow-input-file': 'list.yml' });
    expect(problems).toEqual([
      {
        input: 'flow-input-file',
        message: 'must be a JSON object (or a YAML mapping): the flow’s input',
      },
    ]);
  });
});
