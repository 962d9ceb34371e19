// Preloaded (`node --import`) by a test to show a step never starts Intl's date-time formatting,
// which costs a cold start about 15 ms: any use of Intl.DateTimeFormat throws.
Intl.DateTimeFormat = function DateTimeFormat() {
  throw new Error('Intl.DateTimeFormat was used');
};
