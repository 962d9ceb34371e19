import { describe, expect, it } from '@jest/globals';
import type { Collection } from '../../src/globus/transfer.js';
import { GlobusApiError } from '../../src/globus/errors.js';
import { dataAccessFor } from '../../src/kinds/transfer/data-access.js';
import { transferKind } from '../../src/kinds/transfer/index.js';
import {
  apiError,
  DESTINATION,
  IDENTITY,
  kindsContext,
  SOURCE,
  transferSpec,
} from '../../__fixtures__/kinds.js';
import { liveTimer } from '../../__fixtures__/live-timer.js';

const body = transferSpec().body;
const mapped = (id: string, extra: Partial<Collection> = {}): Collection => ({
  id,
  display_name: `mapped ${id.slice(0, 4)}`,
  entity_type: 'GCSv5_mapped_collection',
  high_assurance: false,
  ...extra,
});
const guest = (id: string): Collection => ({
  id,
  display_name: `guest ${id.slice(0, 4)}`,
  entity_type: 'GCSv5_guest_collection',
});

describe('the data_access consents a transfer timer needs', () => {
  it('auto: a mapped, not high-assurance collection needs one; the log says why, in order', async () => {
    const { context, logs, asked } = kindsContext({
      collections: { [SOURCE]: mapped(SOURCE), [DESTINATION]: guest(DESTINATION) },
    });
    expect(await dataAccessFor(context, body, 'auto')).toEqual([SOURCE]);
    expect(asked).toEqual([`endpoint ${SOURCE}`, `endpoint ${DESTINATION}`]);
    expect(logs).toEqual([
      'mapped aa75: GCS v5 mapped collection, not high-assurance → data_access consent added',
      'debug: guest 313c: GCSv5_guest_collection → no data_access needed',
    ]);
  });

  it('auto: a destination alone may need it; high-assurance or untyped collections do not', async () => {
    const { context, logs } = kindsContext({
      collections: {
        [SOURCE]: { id: SOURCE, high_assurance: false },
        [DESTINATION]: mapped(DESTINATION),
      },
    });
    expect(await dataAccessFor(context, body, 'auto')).toEqual([DESTINATION]);
    expect(logs[0]).toBe(`debug: ${SOURCE}: unknown type → no data_access needed`);
    const strict = kindsContext({
      collections: {
        [SOURCE]: mapped(SOURCE, { high_assurance: true }),
        [DESTINATION]: mapped(DESTINATION, { high_assurance: null }),
      },
    });
    expect(await dataAccessFor(strict.context, body, 'auto')).toEqual([]);
  });

  it('auto: one collection on both ends is looked up and consented once', async () => {
    const { context, asked, logs } = kindsContext({ collections: { [SOURCE]: mapped(SOURCE) } });
    const same = { ...body, destination_endpoint: SOURCE };
    expect(await dataAccessFor(context, same, 'auto')).toEqual([SOURCE]);
    expect(asked).toEqual([`endpoint ${SOURCE}`]);
    expect(logs).toHaveLength(1);
  });

  it('auto: warns about an endpoint given where a collection belongs, naming its role', async () => {
    const endpoint: Collection = { id: DESTINATION, entity_type: 'GCSv5_endpoint' };
    const { context, logs } = kindsContext({
      collections: { [SOURCE]: guest(SOURCE), [DESTINATION]: endpoint },
    });
    expect(await dataAccessFor(context, body, 'auto')).toEqual([]);
    expect(logs).toEqual([
      'debug: guest aa75: GCSv5_guest_collection → no data_access needed',
      `warning: destination-endpoint ${DESTINATION} (${DESTINATION}) is a GCS v5 endpoint, which holds no data; use one of its collections`,
      `debug: ${DESTINATION}: GCSv5_endpoint → no data_access needed`,
    ]);
  });

  it('none asks nothing; a list of ids is used as given', async () => {
    const { context, asked } = kindsContext();
    expect(await dataAccessFor(context, body, 'none')).toEqual([]);
    expect(await dataAccessFor(context, body, ['c1', 'c2'])).toEqual(['c1', 'c2']);
    expect(asked).toEqual([]);
  });

  it('a collection Transfer does not show is named by role, id and the client', async () => {
    const { context } = kindsContext({
      collections: {
        [SOURCE]: guest(SOURCE),
        [DESTINATION]: apiError(404, {
          path: `/v0.10/endpoint/${DESTINATION}`,
          code: 'EndpointNotFound',
          requestId: 'req-7',
        }),
      },
    });
    const error = await dataAccessFor(context, body, 'auto').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GlobusApiError);
    expect(error).toMatchObject({
      service: 'transfer',
      method: 'GET',
      path: `/v0.10/endpoint/${DESTINATION}`,
      status: 404,
      code: 'EndpointNotFound',
      requestId: 'req-7',
      detail: `destination-endpoint ${DESTINATION} was not found, or ${IDENTITY} cannot see it`,
    });
    // Without a code or request id, none is made up.
    const bare = kindsContext({ collections: { [DESTINATION]: guest(DESTINATION) } });
    const plain = (await dataAccessFor(bare.context, body, 'auto').catch(
      (e: unknown) => e,
    )) as GlobusApiError;
    expect(plain.message).toBe(
      `Globus Transfer GET /endpoint/${SOURCE}: HTTP 404: source-endpoint ${SOURCE} was not found, or ${IDENTITY} cannot see it`,
    );
    expect(plain.code).toBeUndefined();
    expect(plain.requestId).toBeUndefined();
  });

  it('other failures pass through unchanged', async () => {
    const denied = apiError(403);
    const bug = new TypeError('bug');
    const a = kindsContext({
      collections: { [SOURCE]: denied, [DESTINATION]: guest(DESTINATION) },
    });
    await expect(dataAccessFor(a.context, body, 'auto')).rejects.toBe(denied);
    const b = kindsContext({ collections: { [SOURCE]: bug, [DESTINATION]: guest(DESTINATION) } });
    await expect(dataAccessFor(b.context, body, 'auto')).rejects.toBe(bug);
  });
});

describe('the transfer kind’s consents', () => {
  it('prepare: data_access per the setting, no dependencies; no problems to show', async () => {
    const { context } = kindsContext({ collections: { [SOURCE]: mapped(SOURCE) } });
    const spec = transferSpec();
    expect(await transferKind.prepare(context, spec, ['c1'])).toEqual({
      dataAccess: ['c1'],
      dependencies: [],
    });
    const same = transferSpec({ body: { ...spec.body, destination_endpoint: SOURCE } });
    expect(await transferKind.prepare(context, same, 'auto')).toEqual({
      dataAccess: [SOURCE],
      dependencies: [],
    });
    expect(await transferKind.problems(context, spec)).toEqual([]);
  });

  it('consentsOf: what the live timer’s body needs; nothing without a body', async () => {
    const { context } = kindsContext({
      collections: { [SOURCE]: mapped(SOURCE), [DESTINATION]: guest(DESTINATION) },
    });
    expect(await transferKind.consentsOf(context, liveTimer({ body }), 'auto')).toEqual({
      dataAccess: [SOURCE],
      dependencies: [],
    });
    expect(await transferKind.consentsOf(context, liveTimer(), 'auto')).toEqual({
      dataAccess: [],
      dependencies: [],
    });
    const flow = liveTimer({ kind: 'flow', flowId: 'f', body: { body: {} } });
    expect(await transferKind.consentsOf(context, flow, 'auto')).toEqual({
      dataAccess: [],
      dependencies: [],
    });
  });
});
