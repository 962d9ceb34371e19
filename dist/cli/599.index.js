export const id = 599;
export const ids = [599];
export const modules = {

/***/ 1599:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readSpecFile: () => (/* binding */ readSpecFile)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/timer/fields.ts
var fields = __webpack_require__(4888);
// EXTERNAL MODULE: ./src/timer/flow-fields.ts
var flow_fields = __webpack_require__(9267);
// EXTERNAL MODULE: ./src/timer/input-reader.ts
var input_reader = __webpack_require__(7377);
// EXTERNAL MODULE: ./src/timer/nearest.ts
var nearest = __webpack_require__(7255);
// EXTERNAL MODULE: ./src/timer/input-values.ts
var input_values = __webpack_require__(6940);
;// CONCATENATED MODULE: ./src/timer/spec-file-values.ts



/** A mapping's keys as input strings; unknown keys and unusable values become problems. */
function mappingValues(node, place, problems) {
    const { lineOf, file, keys } = place;
    const values = new Map();
    for (const pair of node.items) {
        const key = String((0,dist/* isScalar */.jn)(pair.key) ? pair.key.value : pair.key);
        const line = lineOf(pair.key) ?? 1;
        const problem = (message, at = line) => problems.push({ input: place.nameOf(key, line), message, file, line: at });
        if (!keys.includes(key)) {
            problem(unknownKeyMessage(key, [...keys, ...(place.suggestions ?? [])]));
            continue;
        }
        const value = pair.value;
        if ((0,dist/* isSeq */.oP)(value)) {
            const items = value.items.map((item) => ({
                text: listItemText(key, item),
                line: lineOf(item) ?? line,
            }));
            const bad = items.find((item) => item.text === undefined);
            if (bad) {
                problem('list entries must be text (or, for items, {source, destination, recursive})', bad.line);
                continue;
            }
            values.set(key, {
                text: items.map((item) => item.text).join('\n'),
                line,
                lines: items.map((item) => item.line),
            });
        }
        else if ((0,dist/* isScalar */.jn)(value) || value === null) {
            const text = value === null || value.value === null ? '' : String(value.value);
            const first = lineOf(value) ?? line;
            // A block scalar (`items: |`) starts on the line after its key.
            const start = text.includes('\n') && first === line ? line + 1 : first;
            values.set(key, { text, line, lines: text.split('\n').map((_, i) => start + i) });
        }
        else if ((0,dist/* isMap */.jh)(value) && key === 'flow-input') {
            // A flow's input written as YAML in the file itself: read back as the JSON it stands for.
            values.set(key, { text: JSON.stringify(value.toJSON()), line, lines: [line] });
        }
        else {
            problem('must be a value or a list');
        }
    }
    return values;
}
/** `is not a timer input; did you mean destination-endpoint?` when one is close. */
function unknownKeyMessage(key, candidates, what = 'a timer input') {
    const meant = (0,nearest/* nearest */.p)(key, candidates);
    return `is not ${what}${meant ? `; did you mean ${meant}?` : ''}`;
}
/** A list entry as one line of input; items may also be `{source, destination, recursive}`. */
function listItemText(key, node) {
    if ((0,dist/* isScalar */.jn)(node))
        return String(node.value ?? '');
    if (key !== 'items' || !(0,dist/* isMap */.jh)(node))
        return undefined;
    const item = node.toJSON();
    const cells = [item.source, item.destination, item.recursive].filter((cell) => cell !== undefined);
    return cells.map((cell) => (0,input_values/* csvCell */.rK)(String(cell))).join(', ');
}

// EXTERNAL MODULE: ./src/timer/timer-fields.ts
var timer_fields = __webpack_require__(4860);
// EXTERNAL MODULE: ./src/timer/transfer-fields.ts + 2 modules
var transfer_fields = __webpack_require__(7597);
// EXTERNAL MODULE: ./src/timer/workspace-file.ts
var workspace_file = __webpack_require__(4987);
// EXTERNAL MODULE: ./src/timer/yaml-error.ts
var yaml_error = __webpack_require__(5565);
;// CONCATENATED MODULE: ./src/timer/spec-file.ts










const TOP_LEVEL_KEYS = ['timers', 'defaults', 'prune-prefix'];
const FROM_DEFAULTS = 'from defaults:';
/**
 * Reads a YAML or JSON spec file (workspace-relative): one timer, or `timers:` (a list) with
 * optional `defaults:` (keys each entry inherits: those of its own kind) and `prune-prefix:`.
 * Every problem names the timer and key and points at its line; nothing is returned when there
 * is any.
 */
async function readSpecFile(path, context) {
    const at = (message, line) => ({
        input: 'spec-file',
        message,
        file: path,
        ...(line === undefined ? {} : { line }),
    });
    const file = (0,workspace_file/* readWorkspaceFile */.sL)(path, context.workspace);
    if ('problem' in file)
        return { problems: [at(file.problem, file.line)] };
    const lines = new dist/* LineCounter */.HN();
    const document = (0,dist.parseDocument)(file.text, { lineCounter: lines });
    const [error] = document.errors;
    if (error) {
        const { message, line } = (0,yaml_error/* yamlErrorText */.j)(error);
        return { problems: [at(`not valid YAML or JSON: ${message}`, line)] };
    }
    const lineOf = (node) => (node?.range ? lines.linePos(node.range[0]).line : undefined);
    const root = document.contents;
    if (!(0,dist/* isMap */.jh)(root)) {
        return { problems: [at('must hold a mapping: one timer, or `timers:` with a list')] };
    }
    const problems = [];
    const layout = root.has('timers')
        ? readLayout(root, lineOf, at, problems)
        : { entryNodes: [{ node: root, index: -1 }] };
    const base = layout.defaults
        ? mappingValues(layout.defaults, { nameOf: (key) => `defaults.${key}`, lineOf, file: path, keys: context.keys }, problems)
        : new Map();
    for (const name of ['name', 'previous-name']) {
        if (base.has(name))
            problems.push(at(`defaults cannot set ${name}`, base.get(name)?.line));
    }
    const inherited = new Map([...base].map(([key, value]) => [key, { ...value, fromDefaults: true }]));
    const entries = [];
    const found = [];
    const seen = new Map();
    for (const { node, index } of layout.entryNodes) {
        entries.push(await readEntry(node, index, inherited, { path, lineOf, context, seen }, found));
    }
    problems.push(...onceForDefaults(found));
    if (problems.length > 0)
        return { problems };
    return {
        specFile: { path, entries, ...(layout.prunePrefix ? { prunePrefix: layout.prunePrefix } : {}) },
        problems,
    };
}
/** The top level of a file with `timers:`: its entries, defaults and prune-prefix. */
function readLayout(root, lineOf, at, problems) {
    const layout = { entryNodes: [] };
    for (const pair of root.items) {
        const key = String((0,dist/* isScalar */.jn)(pair.key) ? pair.key.value : pair.key);
        if (!TOP_LEVEL_KEYS.includes(key)) {
            const meant = (0,nearest/* nearest */.p)(key, TOP_LEVEL_KEYS);
            const hint = meant ? `did you mean ${meant}?` : 'use timers, defaults, prune-prefix';
            problems.push(at(`unknown key "${key}" (${hint})`, lineOf(pair.key)));
        }
    }
    const timers = root.get('timers', true);
    if (!(0,dist/* isSeq */.oP)(timers) || timers.items.length === 0) {
        problems.push(at('`timers:` must be a non-empty list', lineOf(timers)));
    }
    else {
        timers.items.forEach((node, index) => {
            if ((0,dist/* isMap */.jh)(node))
                layout.entryNodes.push({ node, index });
            else
                problems.push(at(`timers[${index}] must be a mapping of inputs`, lineOf(node)));
        });
    }
    const defaults = root.get('defaults', true);
    if (defaults !== undefined && !(0,dist/* isMap */.jh)(defaults)) {
        problems.push(at('`defaults:` must be a mapping of inputs', lineOf(defaults)));
    }
    else if (defaults) {
        layout.defaults = defaults;
    }
    const prune = root.get('prune-prefix', true);
    if (prune !== undefined) {
        const value = (0,dist/* isScalar */.jn)(prune) ? String(prune.value ?? '').trim() : '';
        if (!value) {
            problems.push(at('`prune-prefix:` must be a non-empty name prefix', lineOf(prune)));
        }
        else {
            layout.prunePrefix = value;
        }
    }
    return layout;
}
/**
 * One entry of `timers:` (index -1: the file is one timer), with the defaults of its kind under
 * its own keys. Its kind is what its own keys say — flow-id or another flow input: a flow timer;
 * endpoints or items: a transfer timer — and defaults of the other kind are not applied to it.
 */
async function readEntry(node, index, inherited, { path, lineOf, context, seen }, found) {
    const line = lineOf(node);
    const label = index < 0 ? '' : labelOf(node, index);
    const place = label && line !== undefined ? `${label} (line ${line})` : label;
    // The entry's line is said once: a key on that line (or missing) is `timer "a", name`.
    const nameAt = (key, at) => {
        if (!label)
            return key;
        return at === undefined || at === line ? `${label}, ${key}` : `${place}, ${key}`;
    };
    const ownProblems = [];
    const own = mappingValues(node, {
        nameOf: nameAt,
        lineOf,
        file: path,
        keys: context.keys,
        ...(index < 0 ? { suggestions: TOP_LEVEL_KEYS } : {}),
    }, ownProblems);
    const values = new Map([...ofKind(inherited, kindOfKeys([...own.keys()])), ...own]);
    const reader = new input_reader/* InputReader */.i((key) => values.get(key)?.text ?? '', {
        nameOf: (key) => nameAt(key, values.get(key)?.line),
        file: path,
        lineOf: (key) => values.get(key)?.line ?? line,
        lineWithin: (key, n) => values.get(key)?.lines[n - 1],
        sourceOf: (key) => (values.get(key)?.fromDefaults ? FROM_DEFAULTS : undefined),
    });
    const timer = await (0,timer_fields/* readTimerFields */.B)(reader, context);
    const { name } = timer;
    if (!name)
        reader.problem('name', 'required: every timer in a spec file needs a name');
    const first = name === undefined ? undefined : seen.get(name);
    if (name !== undefined && first) {
        reader.problem('name', `"${name}" is listed twice (also ${first.place})`);
    }
    (0,timer_fields/* requireWholeTimer */.s)(reader, timer);
    const previousName = reader.raw('previous-name') || undefined;
    const dataAccess = reader.optional('data-access', fields/* dataAccess */.rO) ?? 'auto';
    found.push(...[...ownProblems, ...reader.problems].map((problem) => ({ problem, label })));
    const entry = {
        timer,
        ...(previousName ? { previousName } : {}),
        dataAccess,
        place: place || 'the timer',
        ...(line === undefined ? {} : { line }),
    };
    if (name !== undefined && !first)
        seen.set(name, entry);
    return entry;
}
/** `timer "ci/logs"`; `timers[3]` for an entry without a usable name. */
function labelOf(node, index) {
    const name = node.get('name');
    const usable = typeof name === 'string' && name.trim() !== '' && !/[\r\n]/.test(name);
    return usable ? `timer "${name.trim()}"` : `timers[${index}]`;
}
/** The kind an entry's own keys say it is; undefined when they say neither (or both). */
function kindOfKeys(keys) {
    const flow = keys.some((key) => flow_fields/* FLOW_INPUTS */.h.includes(key));
    const transfer = keys.some((key) => transfer_fields/* TRANSFER_INPUTS */.qV.includes(key));
    if (flow === transfer)
        return undefined;
    return flow ? 'flow' : 'transfer';
}
/** The defaults a timer of this kind takes: all of them, less those of the other kind. */
function ofKind(defaults, kind) {
    const other = kind === 'flow' ? transfer_fields/* TRANSFER_ONLY_INPUTS */.nQ : kind === 'transfer' ? flow_fields/* FLOW_INPUTS */.h : [];
    return [...defaults].filter(([key]) => !other.includes(key));
}
/**
 * The problems of every entry, a problem with a value from `defaults:` said once for the file
 * (not once per timer) when several timers have it: `destination-endpoint (from defaults:,
 * line 3): must be a UUID`.
 */
function onceForDefaults(found) {
    // `timer "a" (line 12), interval` or `timer "a", interval` → `interval`.
    const bare = ({ problem, label }) => label && problem.input.startsWith(label)
        ? problem.input.slice(problem.input.indexOf(', ', label.length) + 2)
        : problem.input;
    const causes = new Map();
    const causeOf = (item) => `${bare(item)}\n${item.problem.message}\n${item.problem.line}`;
    for (const item of found) {
        if (item.problem.source !== FROM_DEFAULTS)
            continue;
        causes.set(causeOf(item), [...(causes.get(causeOf(item)) ?? []), item]);
    }
    return found.flatMap((item) => {
        const shared = item.problem.source === FROM_DEFAULTS ? causes.get(causeOf(item)) : undefined;
        if (!shared || shared.length === 1)
            return [item.problem];
        return shared[0] === item ? [{ ...item.problem, input: bare(item) }] : [];
    });
}


/***/ })

};
