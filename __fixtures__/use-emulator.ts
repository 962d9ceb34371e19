import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { startEmulator, type Emulator } from '../emulator/index.js';

/**
 * One emulator per test file, back at its seeded start (default configuration, empty request
 * log) before each test. The emulator only exists once beforeAll has run, so what is returned
 * stands in for it and forwards to it.
 */
export function useEmulator(): Emulator {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator?.close());
  beforeEach(() => emulator?.reset());
  return new Proxy({} as Emulator, {
    get(_target, key) {
      if (!emulator) throw new Error('useEmulator(): the emulator starts in beforeAll');
      const value: unknown = Reflect.get(emulator, key);
      return typeof value === 'function' ? value.bind(emulator) : value;
    },
  });
}
