/**
 * `npm run emulator -- [--port N] [--port-file FILE] [--client ID:SECRET]… [--now ISO]
 *  [--real-time] [--<setting> VALUE]…`
 *
 * Runs the emulator until SIGINT/SIGTERM and prints how to point clients at it. `--real-time`
 * lets its clock run at the wall clock's pace, so timers run on their own (`npm run live`
 * against it in CI); without it the clock moves only when told. With
 * `--port 0` (the default) a free port is chosen; `--port-file` receives it once listening,
 * so scripts can start the emulator in the background and wait for the file. Every setting of
 * the configuration is also a flag (`results_order` → `--results-order`), so a reading can be
 * chosen without a control call; `--help` lists them.
 */
import { rename, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  CONFIG_KEYS,
  type EmulatorConfig,
  applyConfig,
  defaultConfig,
  flagName,
  parseSetting,
  settingsHelp,
} from './config.js';
import {
  type ClientCredentials,
  DEMO_CLIENT,
  type Emulator,
  SEEDED_COLLECTIONS,
  SEEDED_FLOWS,
  startEmulator,
} from './index.js';

const USAGE =
  'usage: npm run emulator -- [--port N] [--port-file FILE] [--client ID:SECRET]… [--now ISO] [--real-time] [--<setting> VALUE]…';

interface CliOptions {
  port: number;
  portFile: string | undefined;
  clients: ClientCredentials[];
  now: string | undefined;
  realTime: boolean;
  config: Partial<EmulatorConfig>;
}

const SETTING_FLAGS = Object.fromEntries(
  CONFIG_KEYS.map((key) => [flagName(key), { type: 'string' as const }]),
);

function parseOptions(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '0' },
      'port-file': { type: 'string' },
      client: { type: 'string', multiple: true, default: [] },
      now: { type: 'string' },
      'real-time': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      ...SETTING_FLAGS,
    },
  });
  if (values.help) {
    console.log([USAGE, '', 'Settings (see emulator/README.md):', ...settingsHelp()].join('\n'));
    process.exit(0);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`invalid --port ${values.port}`);
  }
  const clients = values.client.map((text) => {
    const colon = text.indexOf(':');
    if (colon <= 0) throw new Error(`--client wants ID:SECRET, got "${text}"`);
    return { id: text.slice(0, colon), secret: text.slice(colon + 1) };
  });
  if (values.now !== undefined && Number.isNaN(Date.parse(values.now))) {
    throw new Error(`invalid --now ${values.now}`);
  }
  return {
    port,
    portFile: values['port-file'],
    clients,
    now: values.now,
    realTime: values['real-time'],
    config: settingsFrom(values as Record<string, unknown>),
  };
}

/** The settings given as flags, refused with the control API's messages when invalid. */
function settingsFrom(values: Record<string, unknown>): Partial<EmulatorConfig> {
  const given: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) {
    const text = values[flagName(key)];
    if (typeof text === 'string') given[key] = parseSetting(key, text);
  }
  applyConfig(defaultConfig(), given);
  return given as Partial<EmulatorConfig>;
}

function settingsLines(settings: Partial<EmulatorConfig>): string[] {
  const entries = Object.entries(settings);
  if (entries.length === 0) return [];
  return ['Settings:', ...entries.map(([key, value]) => `  ${key} = ${String(value)}`), ''];
}

/** Written whole or not at all, so a script polling for the file never reads half a port. */
async function writePortFile(file: string, port: number): Promise<void> {
  const partial = `${file}.partial`;
  await writeFile(partial, `${port}\n`);
  await rename(partial, file);
}

function describe(
  emulator: Emulator,
  { clients: extraClients, config: settings, realTime }: CliOptions,
): string {
  const collections = Object.entries(SEEDED_COLLECTIONS).map(
    ([key, { id, entity_type, high_assurance }]) =>
      `  ${key.padEnd(14)} ${id}  ${entity_type}${high_assurance === null ? '' : ` (high_assurance ${high_assurance})`}`,
  );
  const flows = Object.entries(SEEDED_FLOWS).map(
    ([key, { id, title, visibility }]) => `  ${key.padEnd(14)} ${id}  ${title} (${visibility})`,
  );
  const clock = realTime ? 'real-time clock' : 'virtual clock';
  return [
    `Globus emulator listening on ${emulator.url}  (${clock} at ${emulator.now().toISOString()})`,
    '',
    'Service base URLs (every service also answers at the root URL):',
    `  Auth      ${emulator.urls.auth}`,
    `  Transfer  ${emulator.urls.transfer}`,
    `  Timers    ${emulator.urls.timers}`,
    `  Flows     ${emulator.urls.flows}`,
    '',
    'Demo client (client credentials):',
    `  id      ${DEMO_CLIENT.id}`,
    `  secret  ${DEMO_CLIENT.secret}`,
    ...extraClients.map((client) => `  also    ${client.id}`),
    '',
    ...settingsLines(settings),
    'Seeded collections:',
    ...collections,
    '',
    'Seeded flows:',
    ...flows,
    '',
    'Point the action (or the official Globus CLI) at it:',
    `  export GLOBUS_SDK_SERVICE_URL_AUTH=${emulator.urls.auth}`,
    `  export GLOBUS_SDK_SERVICE_URL_TRANSFER=${emulator.urls.transfer}`,
    `  export GLOBUS_SDK_SERVICE_URL_TIMER=${emulator.urls.timers}    # Python SDK / CLI`,
    `  export GLOBUS_SDK_SERVICE_URL_TIMERS=${emulator.urls.timers}   # JS SDK / the action`,
    `  export GLOBUS_SDK_SERVICE_URL_FLOWS=${emulator.urls.flows}`,
    `  export GLOBUS_CLIENT_ID=${DEMO_CLIENT.id} GLOBUS_CLIENT_SECRET=${DEMO_CLIENT.secret}`,
    `  export GLOBUS_CLI_CLIENT_ID=${DEMO_CLIENT.id} GLOBUS_CLI_CLIENT_SECRET=${DEMO_CLIENT.secret}`,
    '',
    `Control API: ${emulator.url}/_emulator/ (e.g. curl -X POST -d '{"seconds":3600}' ${emulator.url}/_emulator/clock/advance)`,
    'Stop with Ctrl-C.',
  ].join('\n');
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const emulator = await startEmulator({
    port: options.port,
    clients: options.clients,
    now: options.now,
    config: options.config,
    realTime: options.realTime,
  });
  if (options.portFile) await writePortFile(options.portFile, emulator.port);
  console.log(describe(emulator, options));
  const stop = (signal: string) => {
    console.log(`\n${signal}: stopping the emulator`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

await main();
