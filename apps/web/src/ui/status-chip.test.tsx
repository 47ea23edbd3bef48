import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusChip, toneOf } from './status-chip';

describe('toneOf', () => {
  it('gives each case status, referral status and consent decision one fixed tone', () => {
    expect(toneOf('case', 'OPEN')).toBe('success');
    expect(toneOf('case', 'INCOMPLETE')).toBe('warning');
    expect(toneOf('case', 'CLOSED')).toBe('neutral');
    expect(toneOf('referral', 'AWAITING_CONSENT')).toBe('warning');
    expect(toneOf('referral', 'PENDING')).toBe('info');
    expect(toneOf('referral', 'ACCEPTED')).toBe('success');
    expect(toneOf('referral', 'DECLINED')).toBe('danger');
    expect(toneOf('referral', 'WITHDRAWN')).toBe('neutral');
    expect(toneOf('consent', 'GIVEN')).toBe('success');
    expect(toneOf('consent', 'REFUSED')).toBe('danger');
  });

  it('makes an unknown value neutral', () => {
    expect(toneOf('referral', 'SOMETHING_NEW')).toBe('neutral');
    expect(toneOf('case', 'toString')).toBe('neutral');
  });
});

describe('StatusChip', () => {
  it('renders its text with the class of its tone', () => {
    render(<StatusChip tone="danger">Declined</StatusChip>);
    const chip = screen.getByText('Declined');
    expect(chip).toHaveAttribute('data-tone', 'danger');
    expect(chip.className).toMatch(/danger/);
    expect(chip.className).toMatch(/chip/);
  });
});
