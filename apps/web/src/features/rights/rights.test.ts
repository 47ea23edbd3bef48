import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import en from '../../../lang/en.json';
import { describeError } from '../../i18n/error-messages';
import { interpreterOf, waitingPurposes } from './rights-api';

const intl = createIntl({ locale: 'en', messages: en });

describe('what a held referral waits for', () => {
  it('lists the required purposes not yet met, once each', () => {
    const requirement = (purpose: string) => ({ purpose, fieldGroups: [], legalBases: [], automaticBasis: null });
    expect(waitingPurposes({ basis: { requirements: [requirement('REFERRAL'), requirement('DATA_SHARING'), requirement('REFERRAL')], met: [{ purpose: 'DATA_SHARING' }] } })).toEqual([
      'REFERRAL',
    ]);
    expect(waitingPurposes({ basis: null })).toEqual([]);
  });
});

describe('the interpreter recorded with a consent', () => {
  it('keeps the language and a trimmed name only when one was used', () => {
    expect(interpreterOf(true, 'so', '  Hodan Ali ')).toEqual({ used: true, language: 'so', name: 'Hodan Ali' });
    expect(interpreterOf(true, 'so', '   ')).toEqual({ used: true, language: 'so' });
    expect(interpreterOf(false, 'so', 'Hodan Ali')).toEqual({ used: false });
  });
});

describe('consent and safeguard refusals in plain words', () => {
  it('explains the consent codes and each safeguard, any other SAFEGUARD code generally, and the rest as everywhere', () => {
    expect(describeError(intl, new ApiError(403, 'CONSENT.NOT_YOURS_TO_WITHDRAW'))).toMatch(/^Only the agency that recorded this consent/);
    expect(describeError(intl, new ApiError(409, 'SAFEGUARD.NON_REFOULEMENT'))).toMatch(/^The person may not be sent back/);
    expect(describeError(intl, new ApiError(409, 'SAFEGUARD.SOMETHING_NEW'))).toMatch(/^A safeguard stops this/);
    expect(describeError(intl, new ApiError(409, 'CONSENT.SOMETHING_NEW', 'c-9'))).toMatch(/^Something went wrong.*c-9/);
    expect(describeError(intl, new ApiError(0, 'NETWORK.UNREACHABLE'))).toMatch(/^The server cannot be reached/);
  });
});
