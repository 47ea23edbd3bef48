import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../api/client';
import { renderInApp } from '../../../test-router';
import { SopEditor } from './sop-editor';

const DOC = JSON.stringify({ version: 'tza-2027.1', routing: { ASYLUM_SEEKER: { firstContact: { HIGH: 'soon', NORMAL: 'PT8H' } } } }, null, 2);

/** An api that answers every request with `status` and `body`, and keeps what was sent. */
function fakeApi(status: number, body: unknown) {
  const sent: { url: string; body: unknown }[] = [];
  const api = createApiClient('http://localhost', async (request: Request) => {
    sent.push({ url: new URL(request.url).pathname, body: await request.json() });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return { api, sent };
}

describe('SopEditor', () => {
  it("lists the api's problems at their paths and selects a problem's value in the text when its path is pressed", async () => {
    const { api, sent } = fakeApi(400, {
      code: 'SOP.INVALID',
      message: 'invalid',
      details: {
        fields: [
          { path: 'routing.ASYLUM_SEEKER.firstContact.HIGH', problem: '"soon" is not an ISO 8601 duration' },
          { path: 'signatories', problem: 'is required (a non-empty list)' },
        ],
      },
    });
    renderInApp(<SopEditor api={api} initial={DOC} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Check' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('2 problems to correct: nothing was stored.');
    expect(sent).toEqual([{ url: '/api/v1/sops/validate', body: JSON.parse(DOC) }]);
    const soonLine = DOC.split('\n').findIndex((line) => line.includes('"soon"')) + 1;
    // The path and its line are one button: pressing either selects the value.
    const path = screen.getByRole('button', { name: `routing.ASYLUM_SEEKER.firstContact.HIGH line ${soonLine}` });
    expect(path).toHaveAccessibleDescription('"soon" is not an ISO 8601 duration');
    const item = path.closest('li') as HTMLElement;
    expect(within(item).getByText(`line ${soonLine}`)).toBeInTheDocument();
    fireEvent.click(path);
    const area = screen.getByLabelText('SOP document (JSON)') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(area);
    expect(area.value.slice(area.selectionStart, area.selectionEnd)).toBe('"soon"');
    expect(area).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(`Line ${soonLine} of ${DOC.split('\n').length}`)).toBeInTheDocument();
    // On an English page the English problem texts need no remark.
    expect(screen.queryByText(/describes each problem in English/)).toBeNull();
    // A missing field is placed on the document as a whole.
    fireEvent.click(screen.getByRole('button', { name: 'signatories line 1' }));
    expect(area.value.slice(area.selectionStart, area.selectionEnd)).toBe(DOC);
  });

  it("says the api's problems in Arabic from their codes, and marks in English only a problem without a known code", async () => {
    const { api } = fakeApi(400, {
      code: 'SOP.INVALID',
      message: 'invalid',
      details: {
        fields: [
          { path: 'routing.ASYLUM_SEEKER.firstContact.HIGH', problem: '"eight hours" is not an ISO 8601 duration', code: 'NOT_DURATION', params: { value: '"eight hours"' } },
          { path: 'signatories', problem: 'is required (a non-empty list)', code: 'REQUIRED' },
          { path: 'future', problem: 'something a newer checker says' },
        ],
      },
    });
    renderInApp(<SopEditor api={api} initial={DOC} />, { locale: 'ar' });
    fireEvent.click(await screen.findByRole('button', { name: 'تحقّق' }));
    expect(await screen.findByText('بعض المشكلات موصوفة بالإنجليزية فقط؛ ويدلّ المسار على موضع كل منها.')).toBeInTheDocument();
    expect(screen.getByText('\u2068"eight hours"\u2069 ليست مدة بصيغة ISO 8601 (مثل \u2068PT24H\u2069 أو \u2068P3D\u2069).')).not.toHaveAttribute('lang');
    expect(screen.getByText('مطلوب.')).toBeInTheDocument();
    expect(screen.queryByText('is required (a non-empty list)')).toBeNull();
    expect(screen.getByText('something a newer checker says')).toHaveAttribute('lang', 'en');
  });

  it('says nothing about English when every problem has a known code', async () => {
    const { api } = fakeApi(400, { code: 'SOP.INVALID', message: 'invalid', details: { fields: [{ path: 'signatories', problem: 'is required (a non-empty list)', code: 'REQUIRED' }] } });
    renderInApp(<SopEditor api={api} initial={DOC} />, { locale: 'ar' });
    fireEvent.click(await screen.findByRole('button', { name: 'تحقّق' }));
    expect(await screen.findByText('مطلوب.')).toBeInTheDocument();
    expect(screen.queryByText(/بالإنجليزية/)).toBeNull();
  });

  it('says on which line a text stops being JSON, and sends nothing', async () => {
    const { api, sent } = fakeApi(200, {});
    renderInApp(<SopEditor api={api} initial={'{\n  "version": "x",\n  "routing": \n}'} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Upload as draft' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This is not valid JSON (line 4). Nothing was checked.');
    expect(sent).toEqual([]);
    // The line can be gone to: it is selected in the text.
    fireEvent.click(screen.getByRole('button', { name: 'Go to line 4' }));
    const area = screen.getByLabelText('SOP document (JSON)') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(area);
    expect(area.value.slice(area.selectionStart, area.selectionEnd)).toBe('}');
    expect(screen.getByText('Line 4 of 4')).toBeInTheDocument();
  });

  it('says so when the label is taken', async () => {
    const taken = fakeApi(409, { code: 'SOP.LABEL_TAKEN', message: 'taken' });
    renderInApp(<SopEditor api={taken.api} initial={DOC} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Upload as draft' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('A version with this label exists already: give the new version another "version".');
    expect(taken.sent.map((s) => s.url)).toEqual(['/api/v1/sops']);
  });

  it('summarises a valid document', async () => {
    const valid = fakeApi(200, {
      valid: true,
      summary: { version: 'tza-2027.1', title: null, jurisdiction: { country: 'TZA', borderPoints: [] }, effectiveFrom: '2027-01-01', signatories: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }] },
    });
    renderInApp(<SopEditor api={valid.api} initial={DOC} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Check' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Valid: version tza-2027.1 for TZA, effective from Jan 1, 2027, 2 signatories.');
  });
});
