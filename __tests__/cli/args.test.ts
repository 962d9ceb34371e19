import { describe, expect, it } from '@jest/globals';
import { readActionYml } from '../../scripts/action-yml.js';
import { INPUT_CATALOG, type InputDefinition } from '../../src/input-catalog.js';
import { commandInputs, parseArgs } from '../../src/cli/args.js';

/* The command line's arguments: every action input a flag of its own name, read one way. */

const action = readActionYml();
const catalog = INPUT_CATALOG as Record<string, InputDefinition>;
/** Inputs taken another way: the operation as the first argument, secrets never, a summary file. */
const NOT_FLAGS = ['operation', 'client-secret', 'github-token', 'summary'];
const flagInputs = Object.keys(action.inputs).filter((name) => !NOT_FLAGS.includes(name));

describe('parseArgs', () => {
  const switches = flagInputs.filter((name) => catalog[name]?.kind.type === 'boolean');
  const valued = flagInputs.filter((name) => !switches.includes(name));

  it.each(valued)('takes action input %s as the flag of the same name', (name) => {
    const { command, problems } = parseArgs(['apply', `--${name}`, `value-of-${name}`]);
    expect(problems).toEqual([]);
    expect(command.inputs.get(name)).toBe(`value-of-${name}`);
    expect(parseArgs(['apply', `--${name}=a=b`]).command.inputs.get(name)).toBe('a=b');
  });

  it.each(switches)('takes true/false input %s as --%s and --no-%s', (name) => {
    // A switch takes no separate value: `--x` is true, `--no-x` false, `--x=VALUE` as given.
    expect(parseArgs(['apply', `--${name}`]).command.inputs.get(name)).toBe('true');
    expect(parseArgs(['apply', `--no-${name}`]).command.inputs.get(name)).toBe('false');
    expect(parseArgs(['apply', `--${name}=maybe`]).command.inputs.get(name)).toBe('maybe');
  });

  it('offers every input of action.yml but the four taken another way', () => {
    expect([...switches, ...valued].sort()).toEqual(
      Object.keys(action.inputs)
        .filter((name) => !NOT_FLAGS.includes(name))
        .sort(),
    );
    expect(switches.length).toBeGreaterThan(5);
  });

  it('joins a repeated multi-line or list flag one value a line, and refuses repeating others', () => {
    const items = parseArgs(['apply', '--items', '/a, /b', '--items', '/c, /d, true']);
    expect(items.command.inputs.get('items')).toBe('/a, /b\n/c, /d, true');
    const include = parseArgs(['apply', '--include', '*.h5', '--include', '*.nc']);
    expect(include.command.inputs.get('include')).toBe('*.h5\n*.nc');
    const twice = parseArgs(['apply', '--interval', '1h', '--interval', '2h']);
    expect(twice.problems).toEqual(['--interval is given more than once']);
  });

  it('takes the operation as the first word, wherever it stands', () => {
    expect(parseArgs(['--name', 'x', 'check']).command.operation).toBe('check');
    expect(parseArgs(['chek']).problems).toEqual([
      'unknown operation "chek"; did you mean check? (operations: apply, plan, create, update, check, wait, list, pause, resume, delete)',
    ]);
    expect(parseArgs(['--operation', 'check']).problems[0]).toMatch(/first argument/);
    expect(parseArgs(['delete', '1f3e2b1a-7c55-4c2e-9a80-1d5c1f0e7a2b']).problems).toEqual([
      'unexpected argument "1f3e2b1a-7c55-4c2e-9a80-1d5c1f0e7a2b": values follow their flag (a timer id goes after --job-id)',
    ]);
  });

  it.each([
    [['check', '--name'], '--name needs a value'],
    [['check', '--name', '--job-id', 'x'], '--name needs a value (found --job-id)'],
    [['check', '--no-name'], '--no-name: --name is not a true/false flag'],
    [['check', '--no-verify-checksum=1'], '--no-verify-checksum takes no value'],
    [['check', '--verbose=yes'], '--verbose takes no value'],
    [['check', '--output', 'yaml'], '--output must be one of text, json, dotenv'],
    [
      ['check', '--dotenv-prefix', '1X'],
      '--dotenv-prefix: letters, digits and _ only, not first a digit',
    ],
    [['apply', '--detailed-exitcode'], '--detailed-exitcode is for plan only'],
    [['check', '-v'], 'unknown flag -v'],
  ])('says what is wrong with %j', (argv, problem) => {
    expect(parseArgs(argv).problems).toEqual([problem]);
  });

  it('suggests the nearest flag for an unknown one, skipping its value', () => {
    expect(parseArgs(['apply', '--intreval', '1h']).problems).toEqual([
      'unknown flag --intreval; did you mean --interval?',
    ]);
    expect(parseArgs(['apply', '--dest', 'x']).problems).toEqual([
      'unknown flag --dest; did you mean --destination-endpoint?',
    ]);
    expect(parseArgs(['apply', '--colour']).problems).toEqual(['unknown flag --colour']);
    // A flag of the retired globus-timer-cli says what it is called here.
    expect(parseArgs(['apply', '--dest-endpoint', 'x']).problems).toEqual([
      '--dest-endpoint is globus-timer-cli’s name; here it is --destination-endpoint',
    ]);
  });

  it.each([
    [['check', '--client-secret', 'hunter2-secret']],
    [['check', '--client-secret=hunter2-secret']],
    [['--client-secret', 'hunter2-secret', 'check']],
    [['check', '--client-secret', '--hunter2-secret']],
    [['check', '--client-secret', '-hunter2-secret']],
  ])(
    'refuses a secret on the command line, saying why and what instead, never echoing it: %j',
    (argv) => {
      const { command, problems, warnings } = parseArgs(argv);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/--client-secret is refused: .*history.*process list/);
      expect(problems[0]).toMatch(
        /Set GLOBUS_CLIENT_SECRET instead, or .*--client-secret-file FILE/,
      );
      expect(JSON.stringify({ problems, warnings, inputs: [...command.inputs] })).not.toContain(
        'hunter2',
      );
      expect(command.operation).toBe('check');
    },
  );

  it('reads on after a refused flag with no value', () => {
    const { command, problems } = parseArgs(['check', '--client-secret', '--name', 'n']);
    expect(problems).toHaveLength(1);
    expect(command.inputs.get('name')).toBe('n');
  });

  it('refuses a GitHub token too, pointing at GITHUB_TOKEN', () => {
    expect(parseArgs(['check', '--github-token', 'ghp_x']).problems[0]).toMatch(
      /--github-token is refused: .*Set GITHUB_TOKEN instead\.$/,
    );
  });

  it('warns about a flag the operation does not read', () => {
    const { problems, warnings } = parseArgs(['check', '--name', 'n', '--interval', '1h']);
    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      '--interval is not read by check (only by apply, plan, create, update)',
    ]);
  });

  it('reads the command options', () => {
    const { command } = parseArgs([
      'plan',
      '--output',
      'dotenv',
      '--summary',
      'out/summary.markdown',
      '--client-secret-file',
      'secret.txt',
      '--dotenv-prefix',
      'NIGHTLY_',
      '--detailed-exitcode',
      '--verbose',
    ]);
    expect(command).toMatchObject({
      output: 'dotenv',
      summaryFile: 'out/summary.markdown',
      clientSecretFile: 'secret.txt',
      dotenvPrefix: 'NIGHTLY_',
      detailedExitcode: true,
      verbose: true,
    });
    expect(parseArgs(['-h']).command.help).toBe(true);
    expect(parseArgs(['help', 'apply']).command).toMatchObject({ help: true, operation: 'apply' });
  });
});

describe('commandInputs', () => {
  const env = { GITHUB_TOKEN: 'ghs_token' };

  it("gives each input its flag's value, else action.yml's default, as the runner would", () => {
    const { command } = parseArgs(['check', '--name', 'n', '--no-verify-checksum']);
    const input = commandInputs(command, env, undefined);
    for (const [name, declared] of Object.entries(action.inputs)) {
      if (NOT_FLAGS.includes(name) || name === 'name' || name === 'verify-checksum') continue;
      expect([name, input(name)]).toEqual([name, String(declared.default ?? '')]);
    }
    expect(input('name')).toBe('n');
    expect(input('verify-checksum')).toBe('false');
    expect(input('operation')).toBe('check');
  });

  it('takes the secret from its file only, the token from GITHUB_TOKEN, summary from --summary', () => {
    const plain = commandInputs(parseArgs(['check']).command, env, undefined);
    expect([plain('client-secret'), plain('github-token'), plain('summary')]).toEqual([
      '',
      'ghs_token',
      'false',
    ]);
    const given = commandInputs(
      parseArgs(['check', '--summary', 's.markdown']).command,
      {},
      'from-file',
    );
    expect([given('client-secret'), given('github-token'), given('summary')]).toEqual([
      'from-file',
      '',
      'true',
    ]);
  });
});
