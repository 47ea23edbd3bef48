import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PriorityChip, priorityTone } from './priority-chip';

describe('PriorityChip', () => {
  it('colours each priority level its own way, the most pressing warmest', () => {
    expect([1, 2, 3, 4].map(priorityTone)).toEqual(['danger', 'warning', 'info', 'neutral']);
    expect(priorityTone(9)).toBe('neutral');
  });

  it('says the level in words and in filled bars, not by colour alone', () => {
    const { container } = render(
      <>
        <PriorityChip level={1}>Priority 1: immediate</PriorityChip>
        <PriorityChip level={4}>Priority 4: routine</PriorityChip>
      </>,
    );
    const immediate = screen.getByText('Priority 1: immediate');
    expect(immediate).toHaveAttribute('data-tone', 'danger');
    expect(screen.getByText('Priority 4: routine')).toHaveAttribute('data-tone', 'neutral');
    const bars = [...container.querySelectorAll('svg')];
    expect(bars.map((svg) => svg.getAttribute('data-filled'))).toEqual(['3', '0']);
    expect(bars.every((svg) => svg.getAttribute('aria-hidden') === 'true')).toBe(true);
    expect(bars[0]?.querySelectorAll('rect[fill="currentColor"]')).toHaveLength(3);
  });
});
