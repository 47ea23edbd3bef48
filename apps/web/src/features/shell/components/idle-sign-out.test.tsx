import { act, fireEvent, render, screen } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import en from '../../../../lang/en.json';
import { IdleSignOut } from './idle-sign-out';

const renderIdle = (onIdle: () => void) =>
  render(
    <IntlProvider locale="en" messages={en}>
      <IdleSignOut onIdle={onIdle} idleMs={5 * 60_000} warnMs={60_000} />
    </IntlProvider>,
  );

describe('IdleSignOut', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('warns after 5 minutes without activity, then signs out 60 s later', () => {
    const onIdle = vi.fn();
    renderIdle(onIdle);
    act(() => void vi.advanceTimersByTime(5 * 60_000 - 1000));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    act(() => void vi.advanceTimersByTime(1000));
    const dialog = screen.getByRole('alertdialog', { name: 'Are you still there?' });
    expect(dialog).toHaveTextContent('You will be signed out in 60 s');
    act(() => void vi.advanceTimersByTime(15_000));
    expect(dialog).toHaveTextContent('You will be signed out in 45 s');
    expect(onIdle).not.toHaveBeenCalled();
    act(() => void vi.advanceTimersByTime(45_000));
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('starts over on activity, and "Stay signed in" keeps the session', () => {
    const onIdle = vi.fn();
    renderIdle(onIdle);
    act(() => void vi.advanceTimersByTime(4 * 60_000));
    fireEvent.keyDown(window, { key: 'a' });
    act(() => void vi.advanceTimersByTime(4 * 60_000));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    act(() => void vi.advanceTimersByTime(60_000));
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Stay signed in' }));
    act(() => void vi.advanceTimersByTime(60_000));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onIdle).not.toHaveBeenCalled();
    act(() => void vi.advanceTimersByTime(5 * 60_000));
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    act(() => void vi.advanceTimersByTime(60_000));
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});
