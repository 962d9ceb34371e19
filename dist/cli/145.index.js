export const id = 145;
export const ids = [145];
export const modules = {

/***/ 3145:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readSpecFile: () => (/* binding */ readSpecFile)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _fields_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4888);
/* harmony import */ var _input_reader_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7377);
/* harmony import */ var _timer_fields_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4860);
/* harmony import */ var _workspace_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4987);





const TOP_LEVEL_KEYS = ['timers', 'defaults', 'prune-prefix'];
/**
 * Reads a YAML or JSON spec file (workspace-relative): one timer, or `timers:` (a list) with
 * optional `defaults:` (keys every entry inherits) and `prune-prefix:`. Every problem names the
 * entry and key and points at its line; nothing is returned when there is any.
 */
async function readSpecFile(path, context) {
    const at = (message, line) => ({
        input: 'spec-file',
        message,
        file: path,
        ...(line === undefined ? {} : { line }),
    });
    const file = (0,_workspace_file_js__WEBPACK_IMPORTED_MODULE_3__/* .readWorkspaceFile */ .sL)(path, context.workspace);
    if ('problem' in file)
        return { problems: [at(file.problem, file.line)] };
    const { text } = file;
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const document = (0,yaml__WEBPACK_IMPORTED_MODULE_0__.parseDocument)(text, { lineCounter: lines });
    if (document.errors.length > 0) {
        const [error] = document.errors;
        return {
            problems: [
                at(`not valid YAML or JSON: ${error?.message.split('\n')[0]}`, error?.linePos?.[0].line),
            ],
        };
    }
    const lineOf = (node) => node?.range ? lines.linePos(node.range[0]).line : undefined;
    const root = document.contents;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root))
        return { problems: [at('must hold a mapping: one timer, or `timers:` with a list')] };
    const problems = [];
    const listed = root.has('timers');
    const entryNodes = [];
    let defaults;
    let prunePrefix;
    if (listed) {
        for (const pair of root.items) {
            const key = String((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? pair.key.value : pair.key);
            if (!TOP_LEVEL_KEYS.includes(key)) {
                problems.push(at(`unknown key "${key}" (use timers, defaults, prune-prefix)`, lineOf(pair.key)));
            }
        }
        const timers = root.get('timers', true);
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(timers) || timers.items.length === 0) {
            problems.push(at('`timers:` must be a non-empty list', lineOf(timers)));
        }
        else {
            timers.items.forEach((node, i) => {
                if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node))
                    entryNodes.push({ node, label: `timers[${i}]` });
                else
                    problems.push(at(`timers[${i}] must be a mapping of inputs`, lineOf(node)));
            });
        }
        const defaultsNode = root.get('defaults', true);
        if (defaultsNode !== undefined && !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(defaultsNode)) {
            problems.push(at('`defaults:` must be a mapping of inputs', lineOf(defaultsNode)));
        }
        else {
            defaults = defaultsNode;
        }
        const prune = root.get('prune-prefix', true);
        if (prune !== undefined) {
            const value = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(prune) ? String(prune.value ?? '').trim() : '';
            if (!value)
                problems.push(at('`prune-prefix:` must be a non-empty name prefix', lineOf(prune)));
            else
                prunePrefix = value;
        }
    }
    else {
        entryNodes.push({ node: root, label: '' });
    }
    const base = defaults
        ? entryValues(defaults, 'defaults', lineOf, problems, path, context.keys)
        : new Map();
    for (const name of ['name', 'previous-name']) {
        if (base.has(name))
            problems.push(at(`defaults cannot set ${name}`, base.get(name)?.line));
    }
    const entries = [];
    const seen = new Map();
    for (const { node, label } of entryNodes) {
        const own = entryValues(node, label, lineOf, problems, path, context.keys);
        const values = new Map([...base, ...own]);
        const nameOf = (key) => (label ? `${label}.${key}` : key);
        const reader = new _input_reader_js__WEBPACK_IMPORTED_MODULE_4__/* .InputReader */ .i((key) => values.get(key)?.text ?? '', {
            nameOf,
            file: path,
            lineOf: (key) => values.get(key)?.line ?? lineOf(node),
            lineWithin: (key, n) => values.get(key)?.lines[n - 1],
        });
        const timer = await (0,_timer_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .readTimerFields */ .B)(reader, context);
        const name = timer.name;
        if (!name)
            reader.problem('name', 'required: every timer in a spec file needs a name');
        if (name && seen.has(name)) {
            reader.problem('name', `"${name}" is listed twice (also ${seen.get(name)})`);
        }
        if (name)
            seen.set(name, nameOf('name'));
        (0,_timer_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .requireWholeTimer */ .s)(reader, timer);
        const previousName = reader.raw('previous-name') || undefined;
        entries.push({
            timer,
            ...(previousName ? { previousName } : {}),
            dataAccess: reader.optional('data-access', _fields_js__WEBPACK_IMPORTED_MODULE_1__/* .dataAccess */ .rO) ?? 'auto',
        });
        problems.push(...reader.problems);
    }
    if (problems.length > 0)
        return { problems };
    return { specFile: { path, entries, ...(prunePrefix ? { prunePrefix } : {}) }, problems };
}
/** A mapping's keys as input strings; unknown keys and unusable values become problems. */
function entryValues(node, label, lineOf, problems, file, keys) {
    const values = new Map();
    for (const pair of node.items) {
        const key = String((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? pair.key.value : pair.key);
        const line = lineOf(pair.key) ?? 1;
        const where = label ? `${label}.${key}` : key;
        if (!keys.includes(key)) {
            problems.push({ input: where, message: 'is not a timer input', file, line });
            continue;
        }
        const value = pair.value;
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(value)) {
            const items = value.items.map((item) => ({
                text: listItemText(key, item),
                line: lineOf(item) ?? line,
            }));
            const bad = items.find((item) => item.text === undefined);
            if (bad) {
                problems.push({
                    input: where,
                    message: 'list entries must be text (or, for items, {source, destination, recursive})',
                    file,
                    line: bad.line,
                });
                continue;
            }
            values.set(key, {
                text: items.map((item) => item.text).join('\n'),
                line,
                lines: items.map((item) => item.line),
            });
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(value) || value === null) {
            const text = value === null || value.value === null ? '' : String(value.value);
            const first = lineOf(value) ?? line;
            // A block scalar (`items: |`) starts on the line after its key.
            const start = text.includes('\n') && first === line ? line + 1 : first;
            values.set(key, { text, line, lines: text.split('\n').map((_, i) => start + i) });
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(value) && key === 'flow-input') {
            // A flow's input written as YAML in the file itself: read back as the JSON it stands for.
            values.set(key, { text: JSON.stringify(value.toJSON()), line, lines: [line] });
        }
        else {
            problems.push({ input: where, message: 'must be a value or a list', file, line });
        }
    }
    return values;
}
/** A list entry as one line of input; items may also be `{source, destination, recursive}`. */
function listItemText(key, node) {
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node))
        return String(node.value ?? '');
    if (key !== 'items' || !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node))
        return undefined;
    const item = node.toJSON();
    const cells = [item.source, item.destination, item.recursive].filter((cell) => cell !== undefined);
    return cells.map((cell) => csvCell(String(cell))).join(', ');
}
function csvCell(value) {
    return /[",\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}


/***/ })

};
