import { fireEvent, render, screen } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { describe, expect, it, vi } from 'vitest';
import en from '../../../../lang/en.json';
import { ApiError } from '../../../api/api-error';
import { overrideOffer } from '../override';
import { OverrideDialog } from './override-dialog';

const refusal = (code: string, details: Record<string, unknown>, status = 409) => new ApiError(status, code, 'c-1', undefined, [], details);

describe('which refusals a supervisor may override', () => {
  it('offers a written justification for a protected person’s detention, and a finding for a victim’s unrelated offence', () => {
    expect(overrideOffer(refusal('SAFEGUARD.DETENTION_GUARD', { grounds: ['TRAFFICKING_VICTIM'], override: 'NO_OVERRIDE' }), true)).toBe('DETENTION');
    expect(overrideOffer(refusal('SAFEGUARD.DETENTION_GUARD', { override: 'JUSTIFICATION_TOO_SHORT' }), true)).toBe('DETENTION');
    expect(overrideOffer(refusal('SAFEGUARD.NON_CRIMINALISATION', { offence: 'THEFT', finding: 'FINDING_REQUIRED' }), true)).toBe('PROSECUTION');
  });

  it('never offers one where the rules allow none, to someone who may not, or for another refusal', () => {
    expect(overrideOffer(refusal('SAFEGUARD.DETENTION_GUARD', { grounds: ['UNACCOMPANIED_CHILD'], override: 'NO_OVERRIDE_EXISTS' }), true)).toBeNull();
    expect(overrideOffer(refusal('SAFEGUARD.DETENTION_GUARD', { override: 'BEST_INTERESTS_ASSESSMENT_REQUIRED' }), true)).toBeNull();
    expect(overrideOffer(refusal('SAFEGUARD.NON_CRIMINALISATION', { offence: 'IRREGULAR_ENTRY' }), true)).toBeNull();
    expect(overrideOffer(refusal('SAFEGUARD.DETENTION_GUARD', { override: 'NO_OVERRIDE' }), false)).toBeNull();
    expect(overrideOffer(refusal('SAFEGUARD.NON_REFOULEMENT', { reasons: [{ code: 'ASYLUM_WISH_PENDING' }] }), true)).toBeNull();
    expect(overrideOffer(new Error('boom'), true)).toBeNull();
  });
});

describe('OverrideDialog', () => {
  const renderDialog = (onConfirm: (text: string) => void) =>
    render(
      <IntlProvider locale="en" messages={en}>
        <OverrideDialog kind="DETENTION" refusal="Detention refused: the person is a presumed victim of trafficking." onClose={() => undefined} onConfirm={onConfirm} pending={false} />
      </IntlProvider>,
    );

  it('shows the refusal, refuses a justification under 40 characters and sends a written one, trimmed', () => {
    const onConfirm = vi.fn();
    renderDialog(onConfirm);
    const dialog = screen.getByRole('alertdialog', { name: 'Detain despite the detention guard?' });
    expect(dialog).toHaveTextContent('presumed victim of trafficking');
    const box = screen.getByRole('textbox', { name: 'Written justification' });
    fireEvent.change(box, { target: { value: 'Security risk.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Override and record the detention' }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByText(/^Write at least 40 characters/)).toHaveAttribute('role', 'alert');
    const written = 'Violent assault on staff at the reception centre; no open shelter place within 200 km tonight.';
    fireEvent.change(box, { target: { value: `  ${written}  ` } });
    expect(screen.getByText(`At least 40 characters (${written.length} so far).`)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Override and record the detention' }));
    expect(onConfirm).toHaveBeenCalledWith(written);
  });
});
