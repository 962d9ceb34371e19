import { config } from 'zod';

/*
 * Imported first by main.ts, before any module builds a schema (zod reads this when a schema is
 * made). zod's JIT writes and compiles a parser for each object schema the first time it parses
 * something: worth it for a schema parsed thousands of times, a cost for a step that parses each
 * of a few responses once. The parsers it falls back to give the same results.
 */
config({ jitless: true });
