import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../api/client';
import { renderInApp } from '../../../test-router';
import { choiceBody, choiceProblem } from '../notifications-api';
import { MyEmailCard } from './my-email-form';

function renderCard(
  answer: (request: Request) => Response = () => new Response(JSON.stringify({}), { headers: { 'content-type': 'application/json' } }),
  locale: 'en' | 'ar' = 'en',
) {
  const sent: { method: string; url: string; body: unknown }[] = [];
  const fetch = async (request: Request) => {
    sent.push({ method: request.method, url: request.url, body: request.method === 'GET' ? null : await request.clone().json() });
    return answer(request);
  };
  renderInApp(<MyEmailCard api={createApiClient('http://localhost', fetch)} mine={{ address: null, kinds: [], language: null }} />, { locale });
  return sent;
}

describe('choosing my e-mails', () => {
  it('needs a whole address once an e-mail is chosen, and none when nothing is', () => {
    expect(choiceProblem({ kinds: [], address: '', language: 'en' })).toBeNull();
    expect(choiceProblem({ kinds: ['ESCALATION'], address: '  ', language: 'en' })).toBe('addressRequired');
    expect(choiceProblem({ kinds: ['ESCALATION'], address: 'amani@', language: 'en' })).toBe('addressInvalid');
    expect(choiceProblem({ kinds: ['ESCALATION'], address: 'amani@tumaini.example.org', language: 'en' })).toBeNull();
  });

  it('sends the kinds in the page’s order, and forgets the address when nothing is chosen', () => {
    expect(choiceBody({ kinds: ['ESCALATION', 'NEW_REFERRAL'], address: ' amani@tumaini.example.org ', language: 'sw' })).toEqual({
      kinds: ['NEW_REFERRAL', 'ESCALATION'],
      address: 'amani@tumaini.example.org',
      language: 'sw',
    });
    expect(choiceBody({ kinds: [], address: 'amani@tumaini.example.org', language: 'fr' })).toEqual({ kinds: [], language: 'fr' });
  });

  it('says what is missing under the address instead of sending, then sends the choice', async () => {
    const sent = renderCard();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'A new referral reaches my agency' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save my choices' }));
    expect(await screen.findByText('Enter the e-mail address the e-mails should go to.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'My e-mail address' })).toHaveAttribute('aria-invalid', 'true');
    expect(sent).toEqual([]);

    fireEvent.change(screen.getByRole('textbox', { name: 'My e-mail address' }), { target: { value: 'amani@tumaini.example.org' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Language of my e-mails' }), { target: { value: 'sw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save my choices' }));
    expect(await screen.findByText('Your choices are saved.')).toBeInTheDocument();
    expect(sent[0]).toEqual({ method: 'PUT', url: 'http://localhost/api/v1/notifications/mine', body: { kinds: ['NEW_REFERRAL'], address: 'amani@tumaini.example.org', language: 'sw' } });
  });

  it('shows the api’s refusal of the address on the field', async () => {
    renderCard(
      () =>
        new Response(JSON.stringify({ code: 'REQUEST.VALIDATION_FAILED', message: 'bad', details: { fields: [{ path: 'address', problem: 'address must be an e-mail address' }] }, correlationId: 'c' }), {
          status: 400,
          headers: { 'content-type': 'application/json' },
        }),
    );
    fireEvent.click(await screen.findByRole('checkbox', { name: 'A late referral is escalated to my agency' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'My e-mail address' }), { target: { value: 'amani@tumaini.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save my choices' }));
    // The example address is isolated left to right, so that on an Arabic page its dot stays with it.
    await waitFor(() => expect(screen.getByText('Enter a whole e-mail address, such as \u2066name@example.org\u2069.')).toBeInTheDocument());
    expect(screen.queryByText('Your choices are saved.')).toBeNull();
  });

  it('writes the e-mails in the page’s language until the user picks another', async () => {
    renderCard(undefined, 'ar');
    expect(await screen.findByRole('combobox', { name: 'لغة رسائلي' })).toHaveValue('ar');
  });

  it('keeps the example address whole and left to right on an Arabic page', async () => {
    renderCard(undefined, 'ar');
    fireEvent.click(await screen.findByRole('checkbox', { name: 'يتم تصعيد إحالة متأخرة إلى جهتي' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'عنوان بريدي الإلكتروني' }), { target: { value: 'amani@' } });
    fireEvent.click(screen.getByRole('button', { name: 'حفظ اختياراتي' }));
    await waitFor(() => expect(screen.getByText('أدخل عنوان بريد إلكتروني كاملًا، مثل: \u2066name@example.org\u2069')).toBeInTheDocument());
  });
});
