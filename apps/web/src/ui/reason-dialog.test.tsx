import { fireEvent, render, screen } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { describe, expect, it, vi } from 'vitest';
import en from '../../lang/en.json';
import { ReasonDialog } from './reason-dialog';

const renderDialog = (onConfirm: (reason: string) => void, tone?: 'primary' | 'danger') =>
  render(
    <IntlProvider locale="en" messages={en}>
      <ReasonDialog isOpen onClose={() => undefined} onConfirm={onConfirm} title="Decline the referral?" body="Say why." confirmLabel="Decline" minLength={5} pending={false} tone={tone} />
    </IntlProvider>,
  );

describe('ReasonDialog', () => {
  it('shows no problem before the first submit, then checks the reason on submit', () => {
    const onConfirm = vi.fn();
    renderDialog(onConfirm);
    const reason = screen.getByRole('textbox', { name: 'Reason' });
    expect(reason.tagName).toBe('TEXTAREA');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(reason).not.toHaveAttribute('aria-invalid');
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.change(reason, { target: { value: '  No bed free this week  ' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    expect(onConfirm).toHaveBeenCalledWith('No bed free this week');
  });

  it('styles the confirmation as destructive when asked', () => {
    renderDialog(() => undefined, 'danger');
    expect(screen.getByRole('button', { name: 'Decline' }).className).toMatch(/danger/);
    expect(screen.getByRole('button', { name: 'Go back' }).className).not.toMatch(/danger/);
  });
});
