// Unit tests of the display formatting helpers.
import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent, humanize, secondsBetween } from './format';

describe('formatDuration', () => {
  it('picks a unit that reads well', () => {
    expect(formatDuration(0.85)).toBe('850 ms');
    expect(formatDuration(5.42)).toBe('5.4 s');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(120)).toBe('2 min');
    expect(formatDuration(3 * 3600 + 125)).toBe('3 h 2 min');
    expect(formatDuration(2 * 86_400 + 4 * 3600)).toBe('2 d 4 h');
  });

  it('shows a dash for nothing', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});

describe('other helpers', () => {
  it('measures seconds between times, up to now when open', () => {
    expect(secondsBetween('2026-01-01T00:00:00Z', '2026-01-01T00:01:30Z')).toBe(90);
    expect(secondsBetween('2026-01-01T00:00:00Z', null, new Date('2026-01-01T00:00:10Z'))).toBe(10);
  });

  it('turns enum values into words and shares into percentages', () => {
    expect(humanize('REQUEST_CHANGES')).toBe('Request changes');
    expect(humanize('TEST_MANAGER')).toBe('Test manager');
    expect(formatPercent(0.875)).toBe('87.5%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(null)).toBe('—');
  });
});
