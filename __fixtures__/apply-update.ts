import { SEEDED_COLLECTIONS } from '../emulator/index.js';

/** What a transfer timer runs: GCSv4 host to guest collection, which needs no data_access consent. */
export const TRANSFER = {
  'source-endpoint': SEEDED_COLLECTIONS.gcsv4Host.id,
  'destination-endpoint': SEEDED_COLLECTIONS.guest.id,
  items: '/in/, /out/, true',
};

/** The inputs of an hourly transfer timer called `nightly`, with overrides. */
export const transferTimer = (overrides: Record<string, string> = {}) => ({
  name: 'nightly',
  ...TRANSFER,
  interval: '1h',
  ...overrides,
});
