import { fireEvent, render, screen, within } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/api-error';
import ar from '../../../lang/ar.json';
import en from '../../../lang/en.json';
import { StepDate, StepDialog, StepTextArea } from './components/step-dialog';
import { BestInterests, detentionSteps, instantOf, mayLogAccess, problemPaths, reunificationOutcomes, reunionMissing, tracingEndangers, tracingSteps } from './protection-api';

const bid = (decision: string, completedOn: string | null = '2027-01-10'): BestInterests => ({
  id: `bid-${decision}-${completedOn}`,
  kind: 'BID',
  openedOn: '2027-01-01',
  completedOn,
  panelMembers: completedOn ? ['Child Protection Service', 'Refugee Agency'] : [],
  decision: completedOn ? decision : null,
  reasons: null,
  version: 1,
});

const proposal = { status: 'PROPOSED' as const, relationshipVerified: true, childConsent: true, abroad: false };

describe('what a record allows next (the api’s rules)', () => {
  it('offers review and end only on an open episode, to the detaining agency; access to any agency that logs visits', () => {
    expect(detentionSteps({ endedAt: null }, { detain: true, access: true })).toEqual({ review: true, end: true, access: true });
    expect(detentionSteps({ endedAt: '2027-01-02T10:00:00Z' }, { detain: true, access: true })).toEqual({ review: false, end: false, access: true });
    expect(detentionSteps({ endedAt: null }, { detain: false, access: true })).toEqual({ review: false, end: false, access: true });
    expect(detentionSteps({ endedAt: null }, { detain: false, access: false })).toEqual({ review: false, end: false, access: false });
  });

  it('lets the detaining authorities, international organisations and NGOs log access, and only with the right to write records', () => {
    expect(['BORDER_AUTHORITY', 'IMMIGRATION', 'INTERNATIONAL_ORGANIZATION', 'NGO'].map((kind) => mayLogAccess(kind, true))).toEqual([true, true, true, true]);
    expect(mayLogAccess('CHILD_PROTECTION', true)).toBe(false);
    expect(mayLogAccess('MONITOR', true)).toBe(false);
    expect(mayLogAccess('NGO', false)).toBe(false);
    expect(mayLogAccess(undefined, true)).toBe(false);
  });

  it('stops or concludes only a tracing still open, and a stopped one bars any new tracing', () => {
    expect(tracingSteps({ status: 'OPEN' }, true)).toEqual({ stop: true, outcome: true });
    for (const status of ['LOCATED', 'NOT_FOUND', 'STOPPED'] as const) expect(tracingSteps({ status }, true)).toEqual({ stop: false, outcome: false });
    expect(tracingSteps({ status: 'OPEN' }, false)).toEqual({ stop: false, outcome: false });
    expect(tracingEndangers([{ status: 'LOCATED' }, { status: 'OPEN' }])).toBe(false);
    expect(tracingEndangers([{ status: 'NOT_FOUND' }, { status: 'STOPPED' }])).toBe(true);
  });

  it('offers a reunion only when the relationship is verified and the child agrees; the other outcomes always while proposed', () => {
    expect(reunificationOutcomes(proposal, [])).toEqual(['REUNIFIED', 'NOT_IN_BEST_INTERESTS', 'WITHDRAWN']);
    expect(reunificationOutcomes({ ...proposal, relationshipVerified: false }, [])).toEqual(['NOT_IN_BEST_INTERESTS', 'WITHDRAWN']);
    expect(reunionMissing({ ...proposal, relationshipVerified: false, childConsent: false }, [])).toEqual(['VERIFIED', 'CONSENT']);
    for (const status of ['REUNIFIED', 'NOT_IN_BEST_INTERESTS', 'WITHDRAWN'] as const) expect(reunificationOutcomes({ ...proposal, status }, [])).toEqual([]);
  });

  it('asks of a reunion abroad the latest completed determination to have decided for it', () => {
    const abroad = { ...proposal, abroad: true };
    expect(reunionMissing(abroad, [])).toEqual(['BID']);
    expect(reunionMissing(abroad, [bid('FAMILY_REUNIFICATION_ABROAD', null)])).toEqual(['BID']);
    expect(reunionMissing(abroad, [bid('FAMILY_REUNIFICATION_ABROAD')])).toEqual([]);
    expect(reunionMissing(abroad, [bid('RETURN_TO_COUNTRY_OF_ORIGIN')])).toEqual([]);
    // A later determination for local integration is the one that counts.
    expect(reunionMissing(abroad, [bid('FAMILY_REUNIFICATION_ABROAD', '2027-01-10'), bid('LOCAL_INTEGRATION', '2027-02-01')])).toEqual(['BID']);
    expect(reunificationOutcomes(abroad, [bid('LOCAL_INTEGRATION')])).toEqual(['NOT_IN_BEST_INTERESTS', 'WITHDRAWN']);
  });

  it('places each bad field of a 400 on the form field that shows it, and keeps the rest apart', () => {
    const { placed, unplaced } = problemPaths([{ path: 'relative.country' }, { path: 'abroad' }, { path: 'relative.name' }, { path: 'version' }], ['relative.country', 'relative', 'abroad']);
    expect([...placed].sort()).toEqual(['abroad', 'relative', 'relative.country']);
    expect(unplaced).toEqual(['version']);
  });

  it('sends a day and a local time as an instant, and leaves a broken one for the api to name', () => {
    expect(instantOf('2027-03-01', '10:30')).toBe(new Date(2027, 2, 1, 10, 30).toISOString());
    expect(instantOf('', '10:30')).toBe('T10:30');
  });
});

function Dialog({ error, locale = 'en', messages = en }: { error: unknown; locale?: string; messages?: Record<string, string> }) {
  return (
    <IntlProvider locale={locale} messages={messages}>
      <StepDialog
        isOpen
        onClose={vi.fn()}
        title="End the detention?"
        submitLabel="End the detention"
        pending={false}
        error={error}
        problems={{ endedAt: 'Enter a valid day and time, not before the detention started.', reason: 'Write the reason.' }}
        onSubmit={vi.fn()}
      >
        <StepDate path="endedAt" label="Day it ended" value="2027-01-01" onChange={vi.fn()} />
        <StepTextArea path="reason" label="Why it ended" value="" onChange={vi.fn()} />
      </StepDialog>
    </IntlProvider>
  );
}

describe('a step’s dialog', () => {
  it('names each field the api refused under the field, in the UI language, never the api’s English', () => {
    const error = new ApiError(400, 'RECORD.INVALID', 'c', undefined, [{ path: 'endedAt', problem: 'Detention cannot end before it started' }]);
    render(<Dialog error={error} />);
    const day = screen.getByRole('group', { name: 'Day it ended' });
    for (const segment of within(day).getAllByRole('spinbutton')) {
      expect(segment).toHaveAttribute('aria-invalid', 'true');
      expect(segment).toHaveAccessibleDescription(expect.stringContaining('Enter a valid day and time, not before the detention started.'));
    }
    expect(screen.getByLabelText('Why it ended')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent('One field needs correcting: see the message under each. Nothing was recorded.');
    expect(screen.getByRole('dialog')).not.toHaveTextContent('Detention cannot end before it started');
  });

  it('explains any other refusal in words (a closed record), and submits on confirmation only', () => {
    const onSubmit = vi.fn();
    render(
      <IntlProvider locale="en" messages={en}>
        <StepDialog isOpen onClose={vi.fn()} title="Stop the tracing?" submitLabel="Stop the tracing" pending={false} error={new ApiError(409, 'TRACING.CLOSED')} problems={{}} onSubmit={onSubmit}>
          <StepTextArea path="reason" label="Why" value="" onChange={vi.fn()} />
        </StepDialog>
      </IntlProvider>,
    );
    expect(screen.getByRole('alert').textContent).not.toContain('TRACING');
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Stop the tracing' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('counts the bad fields in Arabic', () => {
    const error = new ApiError(400, 'RECORD.INVALID', 'c', undefined, [
      { path: 'endedAt', problem: 'x' },
      { path: 'reason', problem: 'y' },
    ]);
    render(<Dialog error={error} locale="ar" messages={ar} />);
    expect(screen.getByRole('alert')).toHaveTextContent('حقلان يحتاجان إلى تصحيح');
  });
});
