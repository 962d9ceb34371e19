import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { startEmulator, type Emulator } from '../emulator/index.js';

/**
 * One emulator per test file, back at its seeded start (default configuration, empty request
 * log) before each test. Returns a getter because the emulator exists only once beforeAll ran.
 */
export function useEmulator(): () => Emulator {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator?.close());
  beforeEach(() => emulator?.reset());
  return () => {
    if (!emulator) throw new Error('useEmulator(): the emulator starts in beforeAll');
    return emulator;
  };
}
