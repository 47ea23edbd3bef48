import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import en from '../../lang/en.json';
import { API_ERROR_CODES } from './api-error-codes';
import { describeError, errorMessages, FAMILY_FALLBACKS, messageOfCode } from './error-messages';

const intl = createIntl({ locale: 'en', messages: en });
const FAMILIES_WITH_A_FALLBACK = ['SAFEGUARD.', 'SOP.'];

describe('the api error codes in plain words', () => {
  it('give every code the api answers with a message of its own or a shared one; only SAFEGUARD and SOP codes may fall back on their family', () => {
    const unmapped = API_ERROR_CODES.filter((code) => messageOfCode(code) === undefined);
    expect(unmapped).toEqual([]);
    const onFallback = API_ERROR_CODES.filter((code) => Object.values(FAMILY_FALLBACKS).includes(messageOfCode(code)!));
    for (const code of onFallback) expect(FAMILIES_WITH_A_FALLBACK.some((prefix) => code.startsWith(prefix))).toBe(true);
    expect(Object.keys(FAMILY_FALLBACKS).sort()).toEqual(FAMILIES_WITH_A_FALLBACK);
  });

  it('explain each safeguard code the api raises with its own rule, not the family sentence', () => {
    for (const code of API_ERROR_CODES.filter((c) => c.startsWith('SAFEGUARD.'))) expect(messageOfCode(code)).not.toBe(errorMessages.safeguard);
  });

  it('are real sentences: they end with a full stop, and none is the general message', () => {
    for (const code of API_ERROR_CODES) {
      const text = describeError(intl, new ApiError(409, code, 'c-1', 3));
      expect(text, code).toMatch(/^[A-Z].{10,}\.$/);
      expect(text, code).not.toMatch(/Something went wrong/);
    }
    for (const fallback of Object.values(FAMILY_FALLBACKS)) expect(intl.formatMessage(fallback).split(' ').length).toBeGreaterThan(6);
  });

  it('say how long to wait when told to, and fall back on the general message with the reference for an unknown code', () => {
    expect(describeError(intl, new ApiError(429, 'REQUEST.TOO_MANY', 'c-2', 2.2))).toBe('Too many requests. Wait 3 seconds, then try again.');
    expect(describeError(intl, new ApiError(503, 'SERVICE.DATABASE_UNAVAILABLE', 'c-3'))).toMatch(/restarting.*kept\.$/);
    expect(describeError(intl, new ApiError(409, 'SOP.SOMETHING_NEW', 'c-4'))).toBe(intl.formatMessage(errorMessages.sop));
    expect(describeError(intl, new ApiError(409, 'CASE.SOMETHING_NEW', 'c-5'))).toMatch(/^Something went wrong.*c-5\.$/);
    expect(describeError(intl, new Error('boom'))).toMatch(/^Something went wrong/);
  });
});
