import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  DEMO_CLIENT,
  type Emulator,
  SEEDED_COLLECTIONS,
  SEEDED_FLOWS,
  startEmulator,
} from '../../emulator/index.js';
import {
  FLOWS_RS,
  FLOWS_SCOPE,
  TIMERS_RS,
  TIMER_SCOPE,
  TRANSFER_SCOPE,
  call,
  flowUserScope,
  timerFlowScope,
  timerScope,
  tokens,
} from './helpers.js';

const { echo, noInput, hidden } = SEEDED_FLOWS;

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ now: '2026-11-28T19:00:00Z' });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  emulator.reset();
});

const askFor = (scope: string) =>
  call(emulator, 'POST', '/v2/oauth2/token', {
    basic: DEMO_CLIENT,
    form: { grant_type: 'client_credentials', scope },
  });

/** The flows each issued token carries, by resource server. */
const flowsByServer = () =>
  Object.fromEntries(emulator.state().tokens.map((token) => [token.resource_server, token.flows]));

describe('flow user scopes in Auth', () => {
  it("merges the official CLI's two timer scopes into one Timers token carrying the flow", async () => {
    const reply = await askFor(`${timerScope()} ${timerFlowScope(echo.id)}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      resource_server: TIMERS_RS,
      scope: TIMER_SCOPE,
      other_tokens: [],
    });
    expect(flowsByServer()).toEqual({ [TIMERS_RS]: [echo.id] });
  });

  it('carries several flows, and data_access beside them', async () => {
    const { mappedNonHa } = SEEDED_COLLECTIONS;
    await tokens(
      emulator,
      `${timerScope([mappedNonHa.id])} ${TIMER_SCOPE}[${flowUserScope(echo.id)} ${flowUserScope(noInput.id)}]`,
    );
    const [token] = emulator.state().tokens;
    expect(token).toMatchObject({ data_access: [mappedNonHa.id], flows: [echo.id, noInput.id] });
  });

  it('counts a flow only as a direct dependency of the timer scope', async () => {
    await tokens(emulator, `${TIMER_SCOPE}[${TRANSFER_SCOPE}[${flowUserScope(echo.id)}]]`);
    expect(flowsByServer()).toEqual({ [TIMERS_RS]: [] });
  });

  it("knows the user scope of a flow the caller may not see: the scope is Auth's", async () => {
    expect((await askFor(timerFlowScope(hidden.id))).status).toBe(200);
  });

  it('refuses the user scope of a flow nobody has, or one whose two ids disagree', async () => {
    const unknown = '0f000000-0000-4000-8000-000000000000';
    const reply = await askFor(timerFlowScope(unknown));
    expect(reply).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    expect(reply.body.error_description).toContain(flowUserScope(unknown));
    const mismatched = `https://auth.globus.org/scopes/${echo.id}/flow_${noInput.id.replaceAll('-', '_')}_user`;
    expect((await askFor(`${TIMER_SCOPE}[${mismatched}]`)).status).toBe(400);
  });

  it('issues a token for the Flows service, and one for a flow itself', async () => {
    const granted = await tokens(emulator, `${FLOWS_SCOPE} ${flowUserScope(echo.id)}`);
    expect(Object.keys(granted).sort()).toEqual([echo.id, FLOWS_RS].sort());
  });

  it('refuses Flows scopes it does not know', async () => {
    const reply = await askFor(FLOWS_SCOPE.replace('/all', '/everything'));
    expect(reply.status).toBe(400);
  });
});
