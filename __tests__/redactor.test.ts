import { describe, expect, it } from '@jest/globals';
import { Redactor, basicCredential, clip } from '../src/redactor.js';
import { redactingCore } from '../src/core-port.js';
import { FakeCore } from '../__fixtures__/core.js';

const SECRET = 'S3cr3t+with/odd=chars&more';
const ID = '6c54cade-bde5-45c1-bdea-f4bd71dba2cc';

function redactor(...secrets: string[]): Redactor {
  const redacting = new Redactor();
  for (const secret of secrets) redacting.add(secret);
  return redacting;
}

describe('Redactor', () => {
  it.each([
    ['a raw HTTP header', 'Authorization: Bearer abc.def-123', 'Authorization: [redacted]'],
    ['a JSON header', '{"authorization": "Basic Zm9vOmJhcg=="}', '{"authorization": "[redacted]"}'],
    ['a lower-case header', 'authorization=Bearer xyz987', 'authorization=[redacted]'],
    ['a bearer credential anywhere', 'sent Bearer tok_en-1234 to', 'sent Bearer [redacted] to'],
    ['a basic credential anywhere', 'with Basic Zm9vOmJhcg== here', 'with Basic [redacted] here'],
    ['a form token', 'token=abcd1234&token_type_hint=x', 'token=[redacted]&token_type_hint=x'],
    ['a JSON access token', '{"access_token": "abcd1234"}', '{"access_token": "[redacted]"}'],
    ['a refresh token', '"refresh_token":"r3fr3sh"', '"refresh_token":"[redacted]"'],
    ['an id token', 'id_token=eyJhbGciOi.x.y', 'id_token=[redacted]'],
    ['a client secret field', 'client_secret=hunter22', 'client_secret=[redacted]'],
  ])('removes %s', (_what, text, expected) => {
    expect(redactor().redact(text)).toBe(expected);
  });

  it('removes a known secret and its URL-encoded form wherever they stand', () => {
    const redacting = redactor(SECRET);
    const text = `raw ${SECRET} and encoded ${encodeURIComponent(SECRET)} end`;
    expect(redacting.redact(text)).toBe('raw [redacted] and encoded [redacted] end');
  });

  it('removes the Basic credential a gateway echoes, which GitHub would not recognise', () => {
    const basic = basicCredential(ID, SECRET);
    expect(Buffer.from(basic, 'base64').toString()).toBe(`${ID}:${SECRET}`);
    const text = `upstream said: ${basic} was refused`;
    expect(redactor(basic).redact(text)).toBe('upstream said: [redacted] was refused');
  });

  it('removes the longer of two overlapping secrets whole', () => {
    expect(redactor('abcd', 'abcdefgh').redact('x abcdefgh y')).toBe('x [redacted] y');
  });

  it('leaves ordinary text alone and ignores secrets too short to be one', () => {
    const text =
      'Globus Auth POST /v2/oauth2/token: HTTP 500; Basic authentication failed; Bearer tokenless';
    const redacting = redactor('ab');
    expect(redacting.add('ab')).toEqual([]);
    expect(redacting.redact(text)).toBe(text);
  });

  it('registers a secret of four characters or more, each form once', () => {
    const redacting = new Redactor();
    expect(redacting.add('abcd')).toEqual(['abcd']);
    expect(redacting.add('a b&')).toEqual(['a b&', 'a%20b%26']);
    expect(redacting.redact('abcd, a b& and a%20b%26')).toBe(
      '[redacted], [redacted] and [redacted]',
    );
  });

  it.each([
    ['digits', 'Bearer abcdefg1'],
    ['mixed case', 'Bearer abcdEFGH'],
    ['a plus', 'Basic abcdefg+'],
    ['a slash', 'Basic abcdefg/'],
    ['padding', 'Basic abcdefg='],
    ['an underscore', 'Bearer abcdefg_'],
    ['a dot', 'Bearer abcdefg.'],
    ['a tilde', 'Bearer abcdefg~'],
    ['a hyphen', 'Bearer abcdefg-'],
  ])('takes a value with %s after the scheme for a credential', (_what, text) => {
    const [scheme] = text.split(' ');
    expect(redactor().redact(`sent ${text} back`)).toBe(`sent ${scheme} [redacted] back`);
  });

  it('keeps the spacing after the scheme', () => {
    expect(redactor().redact('Bearer\t\tabc12345')).toBe('Bearer\t\t[redacted]');
  });

  it.each(['Basic authorisations', 'Bearer UNTRUSTED', 'Basic credential'])(
    'keeps a word of one case after the scheme: %s',
    (text) => {
      expect(redactor().redact(text)).toBe(text);
    },
  );
});

describe('clip', () => {
  it('keeps short text and cuts long text, saying how much was left out', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('x'.repeat(10), 10)).toBe('x'.repeat(10));
    expect(clip('x'.repeat(12), 10)).toBe(`${'x'.repeat(10)}… (2 more characters)`);
    expect(clip('y'.repeat(600))).toHaveLength(500 + '… (100 more characters)'.length);
  });
});

describe('redactingCore', () => {
  it('passes every outgoing text through the redactor and masks every form of a secret', async () => {
    const fake = new FakeCore({ name: 'kept as is' });
    const core = redactingCore(fake, new Redactor());
    core.protect(SECRET);
    expect(fake.secrets).toEqual([SECRET, encodeURIComponent(SECRET)]);
    const leak = `echo: Authorization: Bearer tok1234 ${SECRET}`;
    core.info(leak);
    core.debug(leak);
    core.notice(leak);
    core.warning(leak);
    core.error(leak);
    core.setOutput('timer', leak);
    core.setFailed(leak);
    await core.writeSummary(leak);
    const shown = fake.visibleText();
    expect(shown).not.toContain('tok1234');
    expect(shown).not.toContain(SECRET);
    expect(fake.logs).toHaveLength(2);
    expect(fake.annotations).toHaveLength(3);
    expect(fake.outputs.timer).toBe('echo: Authorization: [redacted]');
    expect(core.getInput('name')).toBe('kept as is');
  });
});
