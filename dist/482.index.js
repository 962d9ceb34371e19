export const id = 482;
export const ids = [482];
export const modules = {

/***/ 4482:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   githubCore: () => (/* binding */ githubCore)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);

/*
 * The GitHub runner's side of the CorePort: @actions/core speaks the runner's protocol (INPUT_*
 * variables, workflow commands, the GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files). Only the
 * runner's entry (index.ts) imports this file; a command line implements the port its own way.
 */
function githubCore() {
    return {
        getInput: (name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name),
        setOutput: (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value),
        setSecret: (secret) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret),
        setFailed: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(message),
        debug: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(message),
        info: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(message),
        notice: (message, place) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(message, propertiesOf(place)),
        warning: (message, place) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message, propertiesOf(place)),
        error: (message, place) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(message, propertiesOf(place)),
        writeSummary: async (markdown) => {
            // Outside a runner (a step run by hand) there is no job summary to add to.
            if (!process.env.GITHUB_STEP_SUMMARY)
                return;
            await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(markdown).write();
        },
    };
}
/** The place as @actions/core takes it, without empty properties (they would print `::notice ::`). */
function propertiesOf(place = {}) {
    const { title, file, startLine } = place;
    return Object.fromEntries(Object.entries({ title, file, startLine }).filter(([, value]) => value !== undefined && value !== ''));
}


/***/ })

};

//# sourceMappingURL=482.index.js.map