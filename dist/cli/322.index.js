export const id = 322;
export const ids = [322];
export const modules = {

/***/ 4322:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCli: () => (/* binding */ runCli)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/ports.ts
var ports = __webpack_require__(6467);
;// CONCATENATED MODULE: ./src/cli/flags.generated.ts
const OPERATION_NAMES = [
    'apply',
    'plan',
    'create',
    'update',
    'check',
    'wait',
    'list',
    'pause',
    'resume',
    'delete',
];
const INPUTS = {
    operation: {
        description: 'What to do: apply (default; create, keep or replace the timer called `name` so it matches the inputs), plan (what apply would do, writes nothing), create (always a new timer), update (change the timer `job-id`), check (read a timer and its last run; fail per `fail-on`), wait (wait for a new run to finish, then check), list, pause, resume, delete.',
        default: 'apply',
        operations: 'all',
        kind: {
            type: 'choice',
            choices: [
                'apply',
                'plan',
                'create',
                'update',
                'check',
                'wait',
                'list',
                'pause',
                'resume',
                'delete',
            ],
        },
    },
    'client-id': {
        description: 'Client id of the Globus confidential client the action acts as. Falls back to the GLOBUS_CLIENT_ID environment variable. Required for every operation.',
        default: '',
        operations: 'all',
        kind: {
            type: 'uuid',
        },
    },
    'client-secret': {
        description: 'Secret of that client (keep it in a repository secret). Falls back to the GLOBUS_CLIENT_SECRET environment variable. Required for every operation.',
        default: '',
        operations: 'all',
        kind: {
            type: 'text',
        },
    },
    environment: {
        description: 'Globus environment: production, preview, sandbox, integration, test or staging. Empty means the GLOBUS_SDK_ENVIRONMENT environment variable, else production. Service URLs may be overridden with GLOBUS_SDK_SERVICE_URL_AUTH / _TRANSFER / _TIMERS (or _TIMER) / _FLOWS.',
        default: '',
        operations: 'all',
        kind: {
            type: 'choice',
            choices: ['production', 'preview', 'sandbox', 'integration', 'test', 'staging'],
        },
    },
    timeout: {
        description: 'Overall bound for the step, as a duration (600, 10m, PT10M). For `wait`, how long to wait for a run. Default 10m.',
        default: '10m',
        operations: 'all',
        kind: {
            type: 'duration',
        },
    },
    retries: {
        description: 'How many times a request that failed for a passing reason (network error, 429, 5xx) is retried, with jittered exponential backoff; 0 to 10. Default 4 (five attempts in all).',
        default: '4',
        operations: 'all',
        kind: {
            type: 'integer',
            min: 0,
            max: 10,
        },
    },
    name: {
        description: 'Timer name. apply/plan identify the timer by this exact, case-sensitive name; create and update give it to the timer; check, wait, pause, resume and delete accept it instead of `job-id`; list filters by it as a substring.',
        default: '',
        operations: 'all',
        kind: {
            type: 'text',
            singleLine: true,
        },
    },
    'job-id': {
        description: 'Timer id (Globus calls it job_id in the API and "Timer ID" in the web app). Required by update; check, wait, pause, resume and delete take it or `name`.',
        default: '',
        operations: ['update', 'check', 'wait', 'pause', 'resume', 'delete'],
        kind: {
            type: 'uuid',
        },
    },
    'source-endpoint': {
        description: 'Source collection id (UUID).',
        default: '',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'uuid',
        },
    },
    'destination-endpoint': {
        description: 'Destination collection id (UUID).',
        default: '',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'uuid',
        },
    },
    items: {
        description: 'What to transfer, one item a line: SOURCE_PATH, DESTINATION_PATH[, RECURSIVE]. Lines starting with # are comments; blank lines are ignored; CSV quoting for paths holding commas or quotes. Exclusive with `items-file`.',
        default: '',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'items',
        },
    },
    'items-file': {
        description: 'Path (relative to the workspace) of a CSV file in the same format as `items`, e.g. `/share/godata/file1.txt, ~/new_file1.txt, false`. Exclusive with `items`.',
        default: '',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'path',
        },
    },
    label: {
        description: 'Label of the Transfer tasks the timer submits (128 characters, one line). Default for a new timer: derived from its name; an existing timer keeps its label unless one is given.',
        default: '',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'text',
            maxLength: 128,
            pattern: '^[A-Za-z0-9 _,-]*$',
        },
    },
    'sync-level': {
        description: 'Only copy files that differ: exists, size, mtime or checksum (or 0-3). Empty: always copy.',
        default: '',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'choice',
            choices: ['exists', 'size', 'mtime', 'checksum'],
            numbers: [0, 1, 2, 3],
        },
    },
    'verify-checksum': {
        description: 'Verify checksums after each file is copied (as the official CLI does). Default true.',
        default: 'true',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'boolean',
        },
    },
    'encrypt-data': {
        description: 'Encrypt the data channel. Default false.',
        default: 'false',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'boolean',
        },
    },
    'preserve-timestamp': {
        description: 'Preserve file modification times at the destination. Default false.',
        default: 'false',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'boolean',
        },
    },
    'delete-destination-extra': {
        description: 'Delete destination files that are not at the source (mirror; recursive items only). Default false.',
        default: 'false',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'boolean',
        },
    },
    'skip-source-errors': {
        description: 'Skip source paths that cannot be read or are missing instead of failing. Default false.',
        default: 'false',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'boolean',
        },
    },
    'fail-on-quota-errors': {
        description: 'Fail the Transfer task when the destination quota is exceeded. Default false.',
        default: 'false',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'boolean',
        },
    },
    include: {
        description: 'Filter rules, one file-name pattern a line (*, ?, [...]), that include matching files during recursive transfers. Rules apply in order: all `include` lines, then `exclude`.',
        default: '',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'lines',
        },
    },
    exclude: {
        description: 'File-name patterns, one a line, excluded during recursive transfers.',
        default: '',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'lines',
        },
    },
    notify: {
        description: "E-mail notifications of the Transfer tasks: `default` keeps Globus's defaults, a comma list of succeeded, failed, inactive turns on exactly those, `none` turns all off.",
        default: 'default',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'choice-list',
            choices: ['succeeded', 'failed', 'inactive'],
            keywords: ['default', 'none'],
        },
    },
    'data-access': {
        description: 'Which collections get the data_access dependent scope in the Timers token: `auto` (default; looks each collection up and adds it for GCS v5 mapped, non-high-assurance collections), `none`, or a comma/newline list of collection ids.',
        default: 'auto',
        operations: ['apply', 'create', 'update'],
        kind: {
            type: 'uuid-list',
            keywords: ['auto', 'none'],
        },
    },
    'flow-id': {
        description: 'Id of the Globus Flow to run (UUID). Giving it makes a flow timer, whose runs start this flow instead of a transfer; it cannot be combined with source-endpoint, destination-endpoint, items or items-file.',
        default: '',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'uuid',
        },
    },
    'flow-input': {
        description: "The flow's input for every run, as inline JSON or YAML (a mapping). Checked against the flow's input schema before any write. Exclusive with `flow-input-file`. Default `{}`.",
        default: '',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'json-object',
        },
    },
    'flow-input-file': {
        description: "Path (relative to the workspace) of a JSON or YAML file holding the flow's input. Exclusive with `flow-input`.",
        default: '',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'path',
        },
    },
    'run-tags': {
        description: 'Tags put on every run the flow timer starts (comma or newline list).',
        default: '',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'lines',
        },
    },
    'run-managers': {
        description: 'Principals who may manage every run the flow timer starts, as URNs (urn:globus:auth:identity:<id> or urn:globus:groups:id:<id>; comma or newline list).',
        default: '',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'lines',
        },
    },
    'run-monitors': {
        description: 'Principals who may monitor every run the flow timer starts, as URNs (like run-managers).',
        default: '',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'lines',
        },
    },
    interval: {
        description: 'Time between runs: seconds (28800), compact durations (1h30m, 1d, 2w) or ISO 8601 (PT8H); 60 seconds to 365 days. Not needed when `stop-after-runs` is 1.',
        default: '',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'duration',
            minSeconds: 60,
            maxSeconds: 31536000,
        },
    },
    start: {
        description: 'First run: ISO date or date-time (2026-12-01, 2026-12-01T02:00, with or without offset), within one year. Default: now.',
        default: '',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'date-time',
        },
    },
    timezone: {
        description: 'IANA time zone for `start` and `stop-after-date` values without an offset. Default UTC.',
        default: 'UTC',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'time-zone',
        },
    },
    'stop-after-runs': {
        description: 'Stop after this many runs (1 or more); 1 makes a run-once timer. With `stop-after-date` too, the condition that comes first is sent.',
        default: '',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'integer',
            min: 1,
        },
    },
    'stop-after-date': {
        description: 'Stop after this date or date-time.',
        default: '',
        operations: ['apply', 'plan', 'create', 'update'],
        kind: {
            type: 'date-time',
        },
    },
    'spec-file': {
        description: "For apply and plan, instead of the timer inputs: a YAML or JSON file (relative to the workspace) holding one timer, or `timers:` (a list) with optional `defaults:` and `prune-prefix:`. Each timer has the same keys as these inputs, plus `previous-name` to rename a timer in place, and takes the `defaults:` of its own kind (a flow timer none of the transfer inputs); `prune-prefix` deletes this client's timers with that prefix that the file no longer lists.",
        default: '',
        operations: ['apply', 'plan'],
        kind: {
            type: 'path',
        },
    },
    concurrency: {
        description: 'With a spec file: how many of its timers are created, replaced or deleted at a time, 1 to 32. A 429 from Globus pauses them all for its Retry-After. Default 8.',
        default: '8',
        operations: ['apply'],
        kind: {
            type: 'integer',
            min: 1,
            max: 32,
        },
    },
    'fail-on': {
        description: "For check and wait: fail the step when any of these hold (comma list): run-error, transfer-failed (the run's Transfer task failed), transfer-stalled (it is kept ACTIVE retrying on an error, paused, or INACTIVE), flow-failed (the run's Flows run failed), flow-stalled (it is INACTIVE, waiting for someone), inactive, ended, stale, or none. Default run-error,transfer-failed,transfer-stalled,flow-failed,flow-stalled,inactive.",
        default: 'run-error,transfer-failed,transfer-stalled,flow-failed,flow-stalled,inactive',
        operations: ['check', 'wait'],
        kind: {
            type: 'choice-list',
            choices: [
                'run-error',
                'transfer-failed',
                'transfer-stalled',
                'flow-failed',
                'flow-stalled',
                'inactive',
                'ended',
                'stale',
            ],
            keywords: ['none'],
        },
    },
    'stale-after': {
        description: "For check and wait with `fail-on: stale`: the longest time without a successful run. Default: twice the timer's interval.",
        default: '',
        operations: ['check', 'wait'],
        kind: {
            type: 'duration',
        },
    },
    history: {
        description: "For check and wait: how many of the timer's newest runs to follow into their Transfer tasks or Flows runs and show in the job summary and the `history` output (0 to 20; 0 turns it off). Default 5.",
        default: '5',
        operations: ['check', 'wait'],
        kind: {
            type: 'integer',
            min: 0,
            max: 20,
        },
    },
    'status-filter': {
        description: 'For list, a comma list of active, inactive, ended. Default all.',
        default: '',
        operations: ['list'],
        kind: {
            type: 'choice-list',
            choices: ['active', 'inactive', 'ended'],
        },
    },
    'github-token': {
        description: "Token used for the pull-request comment. Default the workflow's token.",
        default: '',
        operations: 'all',
        kind: {
            type: 'text',
        },
    },
    comment: {
        description: 'On pull_request events, keep one sticky PR comment with the plan/apply/check result (needs `pull-requests: write`). Default false.',
        default: 'false',
        operations: 'all',
        kind: {
            type: 'boolean',
        },
    },
    summary: {
        description: 'Write a job summary table. Default true.',
        default: 'true',
        operations: 'all',
        kind: {
            type: 'boolean',
        },
    },
};
const OUTPUTS = {
    'job-id': 'Id of the timer the step acted on (for replace, the new timer).',
    status: "The timer's status as Globus reports it (e.g. new, loaded, inactive, ended, deleted).",
    result: 'What happened: created, unchanged, replaced, renamed, deleted, paused, resumed, checked, planned or listed; for a spec file whose timers fared differently, applied; failed when the step failed before it finished (the other outputs then hold what it knew: the timer it last read or made, and whether it changed anything).',
    changed: '`true` when the step changed anything in Globus, else `false`.',
    'next-run': 'When the timer runs next (ISO 8601); empty when it will not run again by itself (paused, inactive, ended, deleted or being deleted).',
    'last-run-at': 'When the last run happened (ISO 8601).',
    'last-run-status': 'Status of the last run as Globus reports it.',
    'n-runs': 'How many times the timer has run.',
    'n-errors': 'How many of those runs reported an error.',
    'transfer-task-id': 'Transfer task id of the last run.',
    'transfer-status': 'Status of that Transfer task (ACTIVE, INACTIVE, SUCCEEDED, FAILED).',
    'transfer-nice-status': "Transfer's `nice_status` of that task: OK or Queued while it goes well, the code of the error it is retrying on (e.g. PERMISSION_DENIED, ENDPOINT_ERROR), empty once it ended.",
    'transfer-faults': 'How many faults that Transfer task has met so far.',
    'flow-run-id': 'For a flow timer, the Flows run its last run started.',
    'flow-run-status': 'Status of that Flows run (ACTIVE, INACTIVE, SUCCEEDED, FAILED, ENDED).',
    'timer-url': 'Web-app link to the timer.',
    timer: "The timer as JSON, one shape whatever the operation: job_id, name, kind (transfer or flow), status, next_run, last_ran_at, n_runs, n_errors, timer_url (as in `timers`), then submitted_at, schedule ({type, interval_seconds, start, end} or {type, datetime}), inactive_reason ({cause, detail} or null), flow_id (null for a transfer timer) and body (the Transfer document or the flow's start document the timer sends).",
    timers: 'JSON array of timers, each {job_id, name, kind, status, next_run, last_ran_at, n_runs, n_errors, timer_url}: for list, the timers found; for a spec file, each timer it touched, with its `result` and planned `action` besides.',
    plan: 'JSON description of the planned or applied change: action, name, job_id and `changes`, one per input that differs, named by the input (interval, items, sync-level, flow-input) with `live` and `desired` as the input writes them (null when not set), or for a list (items, include, run-tags) `diff` entries `{op, at, value}` and for flow-input `{path, live, desired}`, at most 1000 per input (`left_out` counts the rest); for a spec file, an array of them.',
    history: "For check and wait, JSON array of the timer's newest runs (newest first, as many as the `history` input asks): ran_at, outcome (succeeded, failed, stalled, in-progress, unknown), run_status, transfer_task_id or flow_run_id, status, files, files_transferred, bytes_transferred, duration_seconds, url. Empty with `history: 0`.",
};

;// CONCATENATED MODULE: ./src/cli/options.ts
/*
 * What the command line adds to the action's inputs, and the few inputs it takes differently.
 * Every other input is a flag of its own name (flags.generated.ts); nothing here repeats one.
 */
const OUTPUT_FORMATS = ['text', 'json', 'dotenv'];
const COMMAND_OPTIONS = {
    output: {
        value: 'text|json|dotenv',
        description: 'How the outputs are printed on stdout: text (default; name: value lines), json (one JSON object) or dotenv (KEY=value lines for GitLab CI). Log lines always go to stderr.',
    },
    summary: {
        value: 'FILE',
        description: 'Write the job summary (Markdown) to FILE. Stands for the action input `summary`: without it no summary is written.',
    },
    'client-secret-file': {
        value: 'FILE',
        description: 'Read the client secret from FILE (its first line) instead of the GLOBUS_CLIENT_SECRET environment variable.',
    },
    'detailed-exitcode': {
        description: 'plan only: exit 2 when the plan would change something, 0 when it would change nothing (1 on failure), as terraform plan does.',
    },
    'dotenv-prefix': {
        value: 'PREFIX',
        description: 'With --output dotenv: the prefix of every key (default GLOBUS_TIMER_), e.g. NIGHTLY_ for NIGHTLY_JOB_ID.',
    },
    verbose: { description: 'Also print debug lines: each request, its status and time.' },
    help: { description: 'Show this help (or, after an operation, that operation’s flags).' },
    version: { description: 'Print the version.' },
};
/** Inputs the command line refuses as flags: a secret in an argument is not a secret. */
const REFUSED_INPUTS = {
    'client-secret': { variable: 'GLOBUS_CLIENT_SECRET', file: 'client-secret-file' },
    'github-token': { variable: 'GITHUB_TOKEN' },
};
/** Inputs the command takes another way: the operation is its first argument. */
const POSITIONAL_INPUTS = new Set(['operation']);
/** Inputs a command option stands for (`--summary FILE` for `summary`). */
const OPTION_INPUTS = new Set(['summary']);
/** An input given as `--<name>` on the command line. */
function isFlagInput(name) {
    return !(name in REFUSED_INPUTS) && !POSITIONAL_INPUTS.has(name) && !OPTION_INPUTS.has(name);
}
/** A true/false input: `--name` and `--no-name`. */
function isSwitch(input) {
    return input.kind.type === 'boolean';
}
/** Inputs of several lines or list items: the flag may be repeated, one line or item each. */
function isRepeatable(input) {
    return ['items', 'lines', 'json-object', 'choice-list', 'uuid-list'].includes(input.kind.type);
}
/** Flags of the retired globus-timer-cli that have another name here. */
const RETIRED_FLAGS = {
    'dest-endpoint': 'is globus-timer-cli’s name; here it is --destination-endpoint',
    item: 'is globus-timer-cli’s name; here it is --items "SOURCE, DESTINATION[, RECURSIVE]", one flag per item',
    'recursive-symlinks': 'has no equivalent: Globus Timers has no such setting',
    all: 'is not needed: list shows every timer of the client',
};

// EXTERNAL MODULE: ./src/timer/nearest.ts
var nearest = __webpack_require__(7255);
;// CONCATENATED MODULE: ./src/cli/suggest.ts

// One edit distance for the project: a spec file's unknown keys and the command line's flags.

/**
 * The candidate nearest to what was typed, when one is near enough to be what was meant: a
 * candidate the typed word begins (`--dest` for `--destination-endpoint`), else the one fewest
 * edits away (a letter added, dropped, changed, or two swapped), within about a third of its
 * length.
 */
function suggest_nearest(typed, candidates) {
    const word = typed.toLowerCase();
    const prefixed = candidates.filter((candidate) => candidate.startsWith(word));
    if (word.length >= 3 && prefixed.length === 1)
        return prefixed[0];
    let best;
    let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
    for (const candidate of candidates) {
        const distance = (0,nearest/* editDistance */.Y)(word, candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

;// CONCATENATED MODULE: ./src/cli/args.ts



const FLAG_INPUTS = Object.entries(INPUTS).filter(([name]) => isFlagInput(name));
const INPUT_BY_NAME = new Map(FLAG_INPUTS);
const SWITCHES = FLAG_INPUTS.filter(([, input]) => isSwitch(input)).map(([name]) => name);
/** Every flag the command knows, for suggestions. */
const ALL_FLAGS = [
    ...FLAG_INPUTS.map(([name]) => name),
    ...SWITCHES.map((name) => `no-${name}`),
    ...Object.keys(COMMAND_OPTIONS),
];
/** `globus-timer-action <operation> [--<input> <value>]...`, read from its arguments. */
function parseArgs(argv) {
    const parser = new ArgsParser();
    for (let i = 0; i < argv.length; i++)
        i += parser.take(argv[i] ?? '', argv[i + 1]);
    return parser.finish();
}
class ArgsParser {
    command = {
        inputs: new Map(),
        output: 'text',
        detailedExitcode: false,
        dotenvPrefix: 'GLOBUS_TIMER_',
        verbose: false,
        help: false,
        version: false,
    };
    problems = [];
    warnings = [];
    given = new Set();
    /** Arguments that are no flag's value: the first is the operation, the rest are mistakes. */
    positionals = 0;
    /** Reads one argument (and its value when it needs one); answers how many more it used. */
    take(arg, next) {
        if (arg === '-h') {
            this.option('help', undefined);
            return 0;
        }
        if (!arg.startsWith('-') || arg === '-') {
            this.positional(arg);
            return 0;
        }
        const equals = arg.indexOf('=');
        const name = arg.replace(/^--?/, '').split('=')[0] ?? '';
        const inline = equals < 0 ? undefined : arg.slice(equals + 1);
        const nextIsValue = next !== undefined && !next.startsWith('--');
        if (name in REFUSED_INPUTS) {
            this.refuse(name);
            // The secret itself is skipped — whatever it looks like, unless it is one of our flags —
            // so it is never read as an argument, nor echoed in a message.
            const nextIsFlag = next?.startsWith('--') && this.takesValue(flagOnly(next).slice(2)) !== undefined;
            return inline === undefined && next !== undefined && !nextIsFlag ? 1 : 0;
        }
        const takesValue = arg.startsWith('--') ? this.takesValue(name) : undefined;
        if (takesValue === undefined) {
            this.unknown(name, arg.split('=')[0] ?? arg);
            // What follows an unknown flag is most likely its value, not an argument of its own.
            return inline === undefined && nextIsValue && !this.couldBeOperation(next) ? 1 : 0;
        }
        if (!takesValue || inline !== undefined) {
            this.flag(name, inline);
            return 0;
        }
        if (!nextIsValue) {
            this.problems.push(`--${name} needs a value${next ? ` (found ${flagOnly(next)})` : ''}`);
            return 0;
        }
        this.flag(name, next);
        return 1;
    }
    finish() {
        const { command } = this;
        if (command.detailedExitcode && command.operation && command.operation !== 'plan') {
            this.problems.push('--detailed-exitcode is for plan only');
        }
        if (command.operation)
            this.warnUnread(command.operation);
        return { command, problems: this.problems, warnings: this.warnings };
    }
    /** true: a flag with a value; false: a switch; undefined: no such flag. */
    takesValue(name) {
        const option = COMMAND_OPTIONS[name];
        if (option)
            return option.value !== undefined;
        const input = INPUT_BY_NAME.get(name);
        if (input)
            return !isSwitch(input);
        if (name.startsWith('no-') && SWITCHES.includes(name.slice(3)))
            return false;
        return undefined;
    }
    flag(name, value) {
        const option = COMMAND_OPTIONS[name];
        if (option && option.value === undefined && value !== undefined) {
            this.problems.push(`--${name} takes no value`);
            return;
        }
        if (option)
            return this.option(name, value);
        const negated = !INPUT_BY_NAME.has(name);
        const input = negated ? name.slice(3) : name;
        if (negated && value !== undefined) {
            this.problems.push(`--${name} takes no value`);
            return;
        }
        const text = negated ? 'false' : (value ?? 'true');
        const earlier = this.command.inputs.get(input);
        if (earlier !== undefined && !isRepeatable(INPUT_BY_NAME.get(input))) {
            this.problems.push(`--${input} is given more than once`);
            return;
        }
        this.command.inputs.set(input, earlier === undefined ? text : `${earlier}\n${text}`);
    }
    option(name, value) {
        const { command } = this;
        if (this.given.has(name))
            this.problems.push(`--${name} is given more than once`);
        this.given.add(name);
        switch (name) {
            case 'output':
                if (OUTPUT_FORMATS.includes(value ?? '')) {
                    command.output = value;
                }
                else {
                    this.problems.push(`--output must be one of ${OUTPUT_FORMATS.join(', ')}`);
                }
                return;
            case 'summary':
                command.summaryFile = value;
                return;
            case 'client-secret-file':
                command.clientSecretFile = value;
                return;
            case 'dotenv-prefix':
                if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(value ?? ''))
                    command.dotenvPrefix = value ?? '';
                else
                    this.problems.push('--dotenv-prefix: letters, digits and _ only, not first a digit');
                return;
            case 'detailed-exitcode':
                command.detailedExitcode = true;
                return;
            default:
                command[name] = true;
        }
    }
    couldBeOperation(arg) {
        return !this.command.operation && OPERATION_NAMES.includes(arg ?? '');
    }
    positional(arg) {
        const { command } = this;
        if (arg === 'help' && !command.help) {
            command.help = true;
            return;
        }
        this.positionals += 1;
        if (this.positionals > 1) {
            const hint = /^[0-9a-f-]{36}$/i.test(arg) ? ` (a timer id goes after --job-id)` : '';
            this.problems.push(`unexpected argument "${arg}": values follow their flag${hint}`);
            return;
        }
        if (OPERATION_NAMES.includes(arg)) {
            command.operation = arg;
            return;
        }
        const guess = suggest_nearest(arg, OPERATION_NAMES);
        this.problems.push(`unknown operation "${arg}"${guess ? `; did you mean ${guess}?` : ''} (operations: ${OPERATION_NAMES.join(', ')})`);
    }
    refuse(name) {
        const { variable, file } = REFUSED_INPUTS[name];
        this.problems.push(`--${name} is refused: a secret on the command line stays in the shell's history and ` +
            `is shown to every user of the machine in the process list. Set ${variable} instead` +
            `${file ? `, or put the secret in a file only you can read and give --${file} FILE` : ''}.`);
    }
    unknown(name, written) {
        if (name.startsWith('no-') && INPUT_BY_NAME.has(name.slice(3))) {
            this.problems.push(`${written}: --${name.slice(3)} is not a true/false flag`);
            return;
        }
        if (name === 'operation') {
            this.problems.push('--operation: give the operation as the first argument, e.g. `check`');
            return;
        }
        const retired = RETIRED_FLAGS[name];
        if (retired) {
            this.problems.push(`--${name} ${retired}`);
            return;
        }
        const guess = suggest_nearest(name, ALL_FLAGS);
        this.problems.push(`unknown flag ${written}${guess ? `; did you mean --${guess}?` : ''}`);
    }
    /** A flag the operation does not read is almost always a mistake worth saying, not fatal. */
    warnUnread(operation) {
        for (const name of this.command.inputs.keys()) {
            const { operations } = INPUT_BY_NAME.get(name);
            if (operations !== 'all' && !operations.includes(operation)) {
                this.warnings.push(`--${name} is not read by ${operation} (only by ${operations.join(', ')})`);
            }
        }
    }
}
/** An input's raw value, as the runner would pass it: the flag, else action.yml's default. */
function commandInputs(command, env, secret) {
    return (name) => {
        switch (name) {
            case 'operation':
                return command.operation ?? '';
            // Empty without --client-secret-file: the action then reads GLOBUS_CLIENT_SECRET itself.
            case 'client-secret':
                return secret ?? '';
            case 'github-token':
                return env.GITHUB_TOKEN ?? '';
            case 'summary':
                return command.summaryFile ? 'true' : 'false';
            default:
                return command.inputs.get(name) ?? INPUTS[name]?.default ?? '';
        }
    };
}
/** The flag part of an argument, so a value written after `=` is never echoed. */
function flagOnly(arg) {
    return arg.split('=')[0] ?? arg;
}

;// CONCATENATED MODULE: ./src/cli/operation-help.ts
const SOURCE = '6c54cade-bde5-45c1-bdea-f4bd71dba2cc';
const DESTINATION = '31d6a2a8-a8b3-4a8e-bd97-3b5f6a2f9d4e';
const JOB_ID = '1f3e2b1a-7c55-4c2e-9a80-1d5c1f0e7a2b';
const TIMER = [
    '--name',
    'pipeline/nightly',
    '--source-endpoint',
    SOURCE,
    '--destination-endpoint',
    DESTINATION,
    '--items',
    '/data/results/, /project/results/, true',
    '--interval',
    '1d',
];
const OPERATION_HELP = {
    apply: {
        does: 'Makes the timer called --name match the flags: creates it when there is none, leaves it ' +
            'alone when it already matches, replaces it when it differs. Safe to run again and again. ' +
            'With --spec-file, does the same for every timer of the file.',
        example: ['apply', ...TIMER],
    },
    plan: {
        does: 'Shows what apply would do — create, nothing, or replace, with a field-by-field diff — ' +
            'and changes nothing. With --detailed-exitcode, exits 2 when apply would change something.',
        example: ['plan', '--spec-file', 'transfer/timers.yml', '--detailed-exitcode'],
    },
    create: {
        does: 'Always creates a new timer, even when one of the same name exists.',
        example: ['create', ...TIMER, '--stop-after-runs', '4'],
    },
    update: {
        does: 'Changes the timer --job-id: the flags given replace its values, the rest stay. A new ' +
            '--name alone renames it in place; any other change replaces it with a new timer.',
        example: ['update', '--job-id', JOB_ID, '--interval', '12h'],
    },
    check: {
        does: 'Reads the timer (--job-id or --name) and its last run, follows that run into its ' +
            'Transfer task or Flows run, and fails when a --fail-on reason holds.',
        example: [
            'check',
            '--name',
            'pipeline/nightly',
            '--fail-on',
            'run-error,transfer-failed,stale',
        ],
    },
    wait: {
        does: 'Waits, up to --timeout, for a run of the timer to finish (the one under way, or the next ' +
            'one), then checks it as check does.',
        example: ['wait', '--job-id', JOB_ID, '--timeout', '30m'],
    },
    list: {
        does: "Lists the client's timers: all of them, or those whose name holds --name and whose status is in --status-filter.",
        example: [
            'list',
            '--name',
            'pipeline/',
            '--status-filter',
            'active,inactive',
            '--output',
            'json',
        ],
    },
    pause: {
        does: 'Pauses the timer (--job-id or --name): it does not run until resumed.',
        example: ['pause', '--name', 'pipeline/nightly'],
    },
    resume: {
        does: 'Resumes the timer; when it went inactive for missing consents, asks for them first and ' +
            'resumes with fresh credentials.',
        example: ['resume', '--name', 'pipeline/nightly'],
    },
    delete: {
        does: 'Deletes the timer (--job-id or --name). A timer that is already gone is a notice, not a failure.',
        example: ['delete', '--job-id', JOB_ID],
    },
};

;// CONCATENATED MODULE: ./src/cli/help.ts



/*
 * `--help` and `<operation> --help`, written from the catalog (flags.generated.ts) and the
 * operations' own sentences: a flag appears here because the action has the input, with
 * action.yml's description of it.
 */
const COMMAND = 'globus-timer-action';
const EXIT_CODES = [
    ['0', 'success'],
    ['1', 'failure: a bad input or flag, a Globus error, a --fail-on reason'],
    ['2', 'plan --detailed-exitcode: applying would change something'],
    ['130', 'stopped by Ctrl-C (SIGINT); what was in flight is abandoned, the tokens revoked'],
    ['143', 'stopped by SIGTERM (a CI cancelling the job), likewise'],
];
const ENVIRONMENT = [
    'Credentials come from GLOBUS_CLIENT_ID and GLOBUS_CLIENT_SECRET (or --client-id and ' +
        '--client-secret-file); --client-secret is refused. GLOBUS_SDK_ENVIRONMENT and ' +
        'GLOBUS_SDK_SERVICE_URL_AUTH, _TRANSFER, _TIMERS and _FLOWS choose the Globus services; ' +
        'HTTPS_PROXY and NO_PROXY are honoured.',
    'Files (--items-file, --spec-file, --flow-input-file) are read relative to the working ' +
        'directory, which stands for the action’s workspace: a file outside it is refused.',
];
/** `--help`: the operations, the command's own options, where credentials come from, exit codes. */
function generalHelp(width = 80) {
    const pad = Math.max(...OPERATION_NAMES.map((name) => name.length)) + 2;
    return [
        `${COMMAND}: Globus Timers from any CI or a terminal`,
        '',
        'Usage:',
        `  ${COMMAND} <operation> [--<input> <value>]...`,
        `  ${COMMAND} <operation> --help`,
        '',
        'Operations:',
        ...OPERATION_NAMES.map((name) => hanging(`  ${name.padEnd(pad)}`, firstSentence(OPERATION_HELP[name].does), width)),
        '',
        ...[
            'Every input of the GitHub Action is a flag of the same name, checked the same way; ' +
                '`<operation> --help` lists the flags an operation reads, with an example.',
            ...ENVIRONMENT,
        ].flatMap((text) => ['', ...wrap(text, width)]),
        '',
        'Options:',
        ...optionLines(Object.keys(COMMAND_OPTIONS), width),
        '',
        'Exit codes:',
        ...EXIT_CODES.map(([code, meaning]) => hanging(`  ${code.padEnd(5)}`, meaning, width)),
        '',
    ].join('\n');
}
/** `<operation> --help`: what it does, every flag it reads with action.yml's words, an example. */
function operationHelp(operation, width = 80) {
    const { does, example } = OPERATION_HELP[operation];
    const reads = Object.entries(INPUTS).filter(([name, input]) => isFlagInput(name) && readBy(input, operation));
    const options = [
        'output',
        'summary',
        'client-secret-file',
        ...(operation === 'plan' ? ['detailed-exitcode'] : []),
        'dotenv-prefix',
        'verbose',
    ];
    return [
        `${COMMAND} ${operation}`,
        '',
        ...wrap(does, width),
        '',
        'Usage:',
        `  ${COMMAND} ${operation} [flags]`,
        '',
        `Flags (the action's inputs ${operation} reads, by the same names):`,
        ...flagLines(reads, width),
        '',
        'Options:',
        ...optionLines(options, width),
        '',
        'Example:',
        ...hangingCommand([COMMAND, ...example].map(shellWord), width),
        '',
        `Credentials: GLOBUS_CLIENT_ID and GLOBUS_CLIENT_SECRET. More: ${COMMAND} --help`,
        '',
    ].join('\n');
}
function readBy(input, operation) {
    return input.operations === 'all' || input.operations.includes(operation);
}
function flagLines(inputs, width) {
    return inputs.flatMap(([name, input]) => {
        const usage = isSwitch(input)
            ? `--${name}, --no-${name}`
            : `--${name} ${placeholder(input.kind)}${isRepeatable(input) ? '  (repeatable)' : ''}`;
        return [`  ${usage}`, ...wrap(input.description, width, '      ')];
    });
}
function optionLines(names, width) {
    return names.flatMap((name) => {
        const option = COMMAND_OPTIONS[name];
        const usage = option.value ? `--${name} ${option.value}` : `--${name}`;
        return [`  ${usage}`, ...wrap(option.description, width, '      ')];
    });
}
/** How the value of a flag is shown in its usage line. */
function placeholder(kind) {
    switch (kind.type) {
        case 'choice':
            return kind.choices.join('|');
        case 'choice-list':
        case 'uuid-list':
            return kind.keywords ? `LIST|${kind.keywords.join('|')}` : 'LIST';
        case 'path':
            return 'FILE';
        case 'integer':
            return 'N';
        case 'date-time':
            return 'DATE';
        case 'time-zone':
            return 'ZONE';
        case 'json-object':
            return 'JSON';
        case 'lines':
            return 'LINE';
        case 'items':
            return 'ITEM';
        default:
            return kind.type.toUpperCase();
    }
}
function firstSentence(text) {
    const end = text.search(/\.(\s|$)/);
    return end < 0 ? text : text.slice(0, end + 1);
}
/** `text` in lines of at most `width` characters, each starting with `indent`. */
function wrap(text, width, indent = '') {
    const lines = [];
    let line = indent;
    for (const word of text.split(/\s+/).filter(Boolean)) {
        if (line.length > indent.length && line.length + 1 + word.length > width) {
            lines.push(line);
            line = indent;
        }
        line += line.length > indent.length ? ` ${word}` : word;
    }
    if (line.length > indent.length)
        lines.push(line);
    return lines;
}
/** `head` then `text` wrapped, its continuation lines indented to line up after `head`. */
function hanging(head, text, width) {
    const [first = '', ...rest] = wrap(text, width - head.length);
    return [head + first, ...rest.map((line) => ' '.repeat(head.length) + line)].join('\n');
}
/** A command over several lines, joined with backslashes as a shell reads them. */
function hangingCommand(words, width) {
    const lines = [];
    let line = '  ';
    for (const word of words) {
        if (line.trim() && line.length + 1 + word.length > width - 2) {
            lines.push(`${line} \\`);
            line = '      ';
        }
        line += line.trim() ? ` ${word}` : word;
    }
    lines.push(line);
    return lines;
}
/** A word as a POSIX shell needs it written: quoted when it holds anything but plain characters. */
function shellWord(word) {
    return /^[A-Za-z0-9_./:@%+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

;// CONCATENATED MODULE: ./src/cli/progress.ts
const realTicker = (milliseconds, tick) => {
    const timer = setInterval(tick, milliseconds);
    timer.unref();
    return () => clearInterval(timer);
};
/**
 * Sleeps longer than this get a line of their own in a log file. A wait says what it waits for
 * once a minute itself, sleeping a minute at a time: those pieces need no line of their own.
 */
const LOGGED_SLEEP_MS = 60_000;
class Progress {
    screen;
    clock;
    label;
    startedAt;
    wakeAt;
    stopTicking;
    constructor(screen, clock, label, ticker = realTicker) {
        this.screen = screen;
        this.clock = clock;
        this.label = label;
        this.startedAt = clock();
        if (screen.live) {
            this.stopTicking = ticker(1000, () => this.draw());
            this.draw();
        }
    }
    /** `sleep`, with the sleep shown. */
    sleeper(sleep) {
        return async (milliseconds) => {
            this.sleeping(milliseconds);
            try {
                await sleep(milliseconds);
            }
            finally {
                this.wakeAt = undefined;
                this.draw();
            }
        };
    }
    stop() {
        this.stopTicking?.();
        this.stopTicking = undefined;
        this.screen.setStatus('');
    }
    sleeping(milliseconds) {
        this.wakeAt = this.clock() + milliseconds;
        if (this.screen.live)
            this.draw();
        else if (milliseconds > LOGGED_SLEEP_MS) {
            this.screen.print(`waiting ${duration(milliseconds)} (${duration(this.clock() - this.startedAt)} so far)`);
        }
    }
    draw() {
        if (!this.stopTicking)
            return;
        const now = this.clock();
        const left = this.wakeAt === undefined ? '' : `; resuming in ${duration(this.wakeAt - now)}`;
        this.screen.setStatus(`${this.label}: ${duration(now - this.startedAt)} so far${left}`);
    }
}
/** `42s`, `1m05s`, `2h03m`: whole seconds, the two largest units. */
function duration(milliseconds) {
    const seconds = Math.max(0, Math.round(milliseconds / 1000));
    const two = (n) => String(n).padStart(2, '0');
    if (seconds < 60)
        return `${seconds}s`;
    if (seconds < 3600)
        return `${Math.floor(seconds / 60)}m${two(seconds % 60)}s`;
    return `${Math.floor(seconds / 3600)}h${two(Math.floor(seconds / 60) % 60)}m`;
}

;// CONCATENATED MODULE: ./src/cli/results.ts
/*
 * The step's outputs on stdout, for people (`name: value`) and for machines: one JSON object,
 * or the KEY=value lines of GitLab's dotenv report. And the exit code.
 */
const EXIT = {
    success: 0,
    failure: 1,
    /** plan --detailed-exitcode: applying would change something (terraform's meaning of 2). */
    changes: 2,
};
/** 128 + the signal's number, as shells report a process a signal stopped. */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 };
/** An output holding JSON (timer, timers, plan): an object or array once parsed, else undefined. */
function jsonValue(value) {
    if (!/^\s*[[{]/.test(value))
        return undefined;
    try {
        return JSON.parse(value);
    }
    catch {
        return undefined;
    }
}
function formatOutputs(outputs, format, dotenvPrefix = 'GLOBUS_TIMER_') {
    switch (format) {
        case 'json':
            return `${JSON.stringify(jsonOutputs(outputs), null, 2)}\n`;
        case 'dotenv':
            return dotenvLines(outputs, dotenvPrefix);
        case 'text':
            return textLines(outputs);
    }
}
/** Every output set; those holding JSON nested as objects and arrays rather than as strings. */
function jsonOutputs(outputs) {
    return Object.fromEntries([...outputs].map(([name, value]) => [name, jsonValue(value) ?? value]));
}
/** `name: value` for each output with a value, leaving out the JSON ones (see --output json). */
function textLines(outputs) {
    const shown = [...outputs].filter(([, value]) => value !== '' && jsonValue(value) === undefined);
    const pad = Math.max(0, ...shown.map(([name]) => name.length)) + 1;
    return shown.map(([name, value]) => `${`${name}:`.padEnd(pad)} ${value}\n`).join('');
}
/** `job-id` → `GLOBUS_TIMER_JOB_ID`: the prefix, then the name in capitals with `_` for `-`. */
function dotenvKey(name, prefix = 'GLOBUS_TIMER_') {
    const key = `${prefix}${name.toUpperCase().replace(/-/g, '_')}`;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key))
        throw new Error(`no dotenv key for output ${name}`);
    return key;
}
/**
 * GitLab's dotenv report (artifacts:reports:dotenv): one KEY=value a line, no blank line, no
 * comment, no quoting; GitLab keeps the value after `=` as it is, trimmed, and accepts up to
 * 5 KB. So: outputs without a value are left out (the variable is then unset), so are the JSON
 * ones (timer, timers, plan: large, and `--output json` has them), and a line break inside a
 * value becomes a space.
 */
function dotenvLines(outputs, prefix) {
    return [...outputs]
        .filter(([, value]) => value.trim() !== '' && jsonValue(value) === undefined)
        .map(([name, value]) => `${dotenvKey(name, prefix)}=${value.replace(/[\r\n]+/g, ' ').trim()}\n`)
        .join('');
}
/** Whether a `plan` output (one plan, or a spec file's list) would change anything. */
function planWouldChange(plan) {
    const parsed = jsonValue(plan ?? '');
    const plans = Array.isArray(parsed) ? parsed : parsed ? [parsed] : [];
    return plans.some((entry) => entry.action !== 'unchanged');
}
function exitCodeOf({ failed, detailedExitcode, outputs }) {
    if (failed)
        return EXIT.failure;
    if (detailedExitcode && planWouldChange(outputs.get('plan')))
        return EXIT.changes;
    return EXIT.success;
}

;// CONCATENATED MODULE: ./src/cli/screen.ts
/*
 * Where the command's log lines go (stderr), with colour only on a terminal and never with
 * NO_COLOR set, and — on a terminal — one live status line kept below them (progress).
 */
const CODES = { red: [31, 39], yellow: [33, 39], cyan: [36, 39], dim: [2, 22], bold: [1, 22] };
/** Colour for a stream: on a terminal, unless NO_COLOR is set to anything (no-color.org). */
function wantsColour(stream, env) {
    return stream.isTTY === true && !env.NO_COLOR;
}
class Screen {
    stream;
    colour;
    status = '';
    constructor(stream, 
    /** Whether to colour what it prints (see wantsColour). */
    colour) {
        this.stream = stream;
        this.colour = colour;
    }
    /** Whether a live status line can be kept: on a terminal, not in a log file or a pipe. */
    get live() {
        return this.stream.isTTY === true;
    }
    paint(colour, text) {
        if (!this.colour)
            return text;
        const [on, off] = CODES[colour];
        return `\u001b[${on}m${text}\u001b[${off}m`;
    }
    /** A line of the log, above the status line. */
    print(text) {
        this.erase();
        this.stream.write(`${text}\n`);
        this.draw();
    }
    /** The live line under the log (only on a terminal); '' removes it. */
    setStatus(text) {
        if (!this.live)
            return;
        this.erase();
        this.status = text;
        this.draw();
    }
    erase() {
        if (this.status)
            this.stream.write('\r\u001b[2K');
    }
    draw() {
        if (!this.status)
            return;
        // A terminal that does not say its width (0, or none) gets the usual 80 columns.
        const width = Math.max(20, (this.stream.columns || 80) - 1);
        this.stream.write(this.paint('dim', this.status.slice(0, width)));
    }
}

;// CONCATENATED MODULE: ./src/cli/terminal-core.ts

class TerminalCore {
    options;
    outputs = new Map();
    failure;
    /** Error annotations on a file, held until the failure that lists them comes (see setFailed). */
    placed = [];
    summaryStarted = false;
    constructor(options) {
        this.options = options;
    }
    getInput(name) {
        return this.options.input(name).trim();
    }
    setOutput(name, value) {
        this.outputs.set(name, value);
    }
    // A terminal has no mask to register a secret with; the redactor in front removes them.
    setSecret() { }
    /**
     * The failure, once. An error annotation it lists word for word is not printed again: its
     * file and line go at the end of the failure's line instead.
     */
    setFailed(message) {
        this.failure = message;
        if (this.options.interrupted?.())
            return;
        const lines = message.split('\n').map((line) => {
            const index = this.placed.findIndex((placed) => line === `- ${placed.message}`);
            if (index < 0)
                return line;
            const [placed] = this.placed.splice(index, 1);
            return `${line} (${placed?.where})`;
        });
        this.flush();
        this.label('red', 'error', lines.join('\n'));
    }
    debug(message) {
        if (this.options.verbose)
            this.options.screen.print(this.options.screen.paint('dim', message));
    }
    info(message) {
        this.options.screen.print(message);
    }
    notice(message, place) {
        this.label('cyan', 'notice', message, place);
    }
    warning(message, place) {
        this.label('yellow', 'warning', message, place);
    }
    error(message, place) {
        const where = placeOf(place);
        if (where)
            this.placed.push({ message, where });
        else
            this.label('red', 'error', message);
    }
    async writeSummary(markdown) {
        const file = this.options.summaryFile;
        if (!file)
            return;
        // The first write of the run replaces what an earlier run left; the rest add to it.
        if (this.summaryStarted)
            (0,external_node_fs_.appendFileSync)(file, markdown, 'utf8');
        else
            (0,external_node_fs_.writeFileSync)(file, markdown, 'utf8');
        this.summaryStarted = true;
    }
    /** Error annotations no failure came to list: printed as they are, with their place. */
    flush() {
        for (const { message, where } of this.placed.splice(0)) {
            this.label('red', 'error', message, undefined, where);
        }
    }
    /** `warning: message`, or `file:line: warning: message` for a place, as compilers write it. */
    label(colour, level, message, place, where = placeOf(place)) {
        const { screen } = this.options;
        const head = `${where ? `${where}: ` : ''}${screen.paint(colour, `${level}:`)}`;
        // A message of several lines (reasons, problems) stays together under its label.
        screen.print(`${head} ${message.replace(/\n/g, '\n  ')}`);
    }
}
function placeOf(place) {
    if (!place?.file)
        return '';
    return place.startLine === undefined ? place.file : `${place.file}:${place.startLine}`;
}

;// CONCATENATED MODULE: ./src/cli/run-cli.ts









/** `globus-timer-action <operation> [--<input> <value>]...`: runs it, answers the exit code. */
async function runCli(argv, io) {
    const { command, problems, warnings } = parseArgs(argv);
    const screen = new Screen(io.stderr, wantsColour(io.stderr, io.env));
    const width = Math.min(100, Math.max(60, io.stdout.columns || 80));
    if (command.version) {
        const { VERSION } = await __webpack_require__.e(/* import() */ 544).then(__webpack_require__.bind(__webpack_require__, 5544));
        io.stdout.write(`${VERSION}\n`);
        return EXIT.success;
    }
    if (command.help) {
        io.stdout.write(command.operation ? operationHelp(command.operation, width) : generalHelp(width));
        return EXIT.success;
    }
    if (argv.length === 0) {
        io.stderr.write(generalHelp(width));
        return EXIT.failure;
    }
    if (!command.operation && problems.length === 0) {
        problems.push('no operation: the first argument says what to do (apply, plan, check, …)');
    }
    const secret = readSecretFile(command, io.cwd, problems);
    const label = (text) => screen.paint('red', text);
    if (problems.length > 0) {
        for (const problem of problems)
            screen.print(`${label('error:')} ${problem}`);
        const more = command.operation ? `${command.operation} --help` : '--help';
        screen.print(`Nothing was sent to Globus. See \`${COMMAND} ${more}\`.`);
        return EXIT.failure;
    }
    for (const warning of warnings)
        screen.print(`${screen.paint('yellow', 'warning:')} ${warning}`);
    return step(command, io, screen, secret);
}
async function step(command, io, screen, secret) {
    const interrupted = () => io.signal?.aborted === true;
    const core = new TerminalCore({
        input: commandInputs(command, io.env, secret),
        screen,
        verbose: command.verbose,
        interrupted,
        ...(command.summaryFile ? { summaryFile: (0,external_node_path_.resolve)(io.cwd, command.summaryFile) } : {}),
    });
    const clock = io.step?.clock ?? ports/* realClock */.d;
    const progress = new Progress(screen, clock, command.operation ?? '', io.ticker);
    // The action itself is loaded only now: `--help` and a bad flag never pay for it.
    const { run } = await Promise.all(/* import() */[__webpack_require__.e(708), __webpack_require__.e(544), __webpack_require__.e(53)]).then(__webpack_require__.bind(__webpack_require__, 9053));
    try {
        await run({
            ...io.step,
            core,
            // Paths start in the working directory, the command's stand-in for the workspace.
            env: { ...io.env, GITHUB_WORKSPACE: io.cwd },
            clock,
            sleep: progress.sleeper(io.step?.sleep ?? ports/* realSleep */.u),
            ...(io.signal ? { signal: io.signal } : {}),
        });
    }
    finally {
        progress.stop();
    }
    core.flush();
    if (interrupted()) {
        screen.print(`Stopped before ${command.operation} finished. What was under way may or may not have ` +
            `happened in Globus: \`${COMMAND} list\` shows the timers as they are.`);
        return SIGNAL_EXIT[String(io.signal?.reason)] ?? SIGNAL_EXIT.SIGINT ?? EXIT.failure;
    }
    io.stdout.write(formatOutputs(core.outputs, command.output, command.dotenvPrefix));
    return exitCodeOf({
        failed: core.failure !== undefined,
        detailedExitcode: command.detailedExitcode,
        outputs: core.outputs,
    });
}
/** The secret in `--client-secret-file`: its first line. */
function readSecretFile(command, cwd, problems) {
    const file = command.clientSecretFile;
    if (file === undefined)
        return undefined;
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(cwd, file), 'utf8');
    }
    catch (error) {
        const code = error.code;
        problems.push(`--client-secret-file: ${file}: ${code === 'ENOENT' ? 'not found' : code}`);
        return undefined;
    }
    const secret = (text.split(/\r?\n/)[0] ?? '').trim();
    if (!secret)
        problems.push(`--client-secret-file: ${file} is empty`);
    return secret;
}


/***/ }),

/***/ 6467:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ realClock),
/* harmony export */   u: () => (/* binding */ realSleep)
/* harmony export */ });
/*
 * What the core needs from the outside world, injected so tests replace it without module
 * mocks: a log (the only way operations talk to the user), a clock and a sleep.
 */
const realClock = () => Date.now();
const realSleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));


/***/ }),

/***/ 7255:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ editDistance),
/* harmony export */   p: () => (/* binding */ nearest)
/* harmony export */ });
/**
 * The candidate an unknown key was most likely meant to be (`destinaton-endpoint` →
 * `destination-endpoint`, `sync_level` → `sync-level`), or undefined when none is close: at
 * most one edit (a letter added, dropped, changed, or two swapped) per four letters.
 */
function nearest(key, candidates) {
    const typed = normal(key);
    const allowed = Math.max(1, Math.floor(typed.length / 4));
    let best;
    for (const candidate of candidates) {
        const distance = editDistance(typed, normal(candidate));
        if (distance <= allowed && (!best || distance < best.distance))
            best = { candidate, distance };
    }
    return best?.candidate;
}
/** Case and `_` for `-` are not typos worth counting. */
function normal(key) {
    return key.toLowerCase().replace(/_/g, '-');
}
/** Edits (insert, delete, substitute, swap two neighbours) from a to b: optimal string alignment. */
function editDistance(a, b) {
    const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    const at = (i, j) => rows[i]?.[j] ?? 0;
    for (let i = 1; i <= a.length; i += 1) {
        for (let j = 1; j <= b.length; j += 1) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                value = Math.min(value, at(i - 2, j - 2) + 1);
            }
            rows[i][j] = value;
        }
    }
    return at(a.length, b.length);
}


/***/ })

};
