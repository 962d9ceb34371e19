import { describe, expect, it } from '@jest/globals';
import type { Credentials } from '../../src/globus/credentials.js';
import { GlobusApiError } from '../../src/globus/errors.js';
import { FlowsApi } from '../../src/globus/flows.js';
import type { HttpClient, HttpRequest } from '../../src/globus/http.js';
import { TransferApi } from '../../src/globus/transfer.js';

/*
 * A step asks Flows about a flow, and Transfer about a collection, once for all its timers;
 * but a lookup that failed is not remembered, so a later ask tries again.
 */

function scripted(answers: ((request: HttpRequest) => unknown)[]) {
  const requests: HttpRequest[] = [];
  const http = {
    request: async (request: HttpRequest) => {
      requests.push(request);
      const answer = answers.shift();
      if (!answer) throw new Error('unscripted request');
      return { status: 200, body: answer(request) };
    },
  } as unknown as HttpClient;
  const credentials = {
    flows: async () => 'Bearer flows',
    transfer: async () => 'Bearer transfer',
    sendAuthorized: async <T>(
      authorize: () => Promise<string>,
      send: (authorization: string) => Promise<T>,
    ) => send(await authorize()),
  } as unknown as Credentials;
  return { http, credentials, requests };
}

const unavailable = (service: 'flows' | 'transfer', path: string) => () => {
  throw new GlobusApiError({ service, method: 'GET', path, status: 503, detail: 'down' });
};

describe('FlowsApi.flow', () => {
  const path = '/flows/f-1';
  const flow = { id: 'f-1', title: 'Copy', globus_auth_scope: 'scope-f-1' };

  it('asks Flows once for the same flow', async () => {
    const { http, credentials, requests } = scripted([() => flow]);
    const flows = new FlowsApi(http, credentials);
    expect(await flows.flow('f-1')).toEqual(flow);
    expect(await flows.flow('f-1')).toEqual(flow);
    expect(requests).toEqual([
      { service: 'flows', method: 'GET', path, authorization: 'Bearer flows' },
    ]);
  });

  it('asks again after a lookup that failed', async () => {
    const { http, credentials, requests } = scripted([unavailable('flows', path), () => flow]);
    const flows = new FlowsApi(http, credentials);
    await expect(flows.flow('f-1')).rejects.toThrow(GlobusApiError);
    expect(await flows.flow('f-1')).toEqual(flow);
    expect(requests).toHaveLength(2);
  });
});

describe('TransferApi.collection', () => {
  const path = '/v0.10/endpoint/c-1';
  const collection = { id: 'c-1', entity_type: 'GCSv5_mapped_collection', high_assurance: false };

  it('asks Transfer once for the same collection', async () => {
    const { http, credentials, requests } = scripted([() => collection]);
    const transfer = new TransferApi(http, credentials);
    expect(await transfer.collection('c-1')).toEqual(collection);
    expect(await transfer.collection('c-1')).toEqual(collection);
    expect(requests).toEqual([
      { service: 'transfer', method: 'GET', path, authorization: 'Bearer transfer' },
    ]);
  });

  it('asks again after a lookup that failed', async () => {
    const { http, credentials, requests } = scripted([
      unavailable('transfer', path),
      () => collection,
    ]);
    const transfer = new TransferApi(http, credentials);
    await expect(transfer.collection('c-1')).rejects.toThrow(GlobusApiError);
    expect(await transfer.collection('c-1')).toEqual(collection);
    expect(requests).toHaveLength(2);
  });
});
