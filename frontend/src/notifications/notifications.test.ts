// Unit tests of the notifications bell's label and badge, its in-app links, and grouping the list by day.
import { describe, expect, it } from 'vitest';
import { badgeText, dayLabel, groupByDay, inAppPath, isUnread, kindLabel, unreadLabel } from './notifications';

describe('unreadLabel', () => {
  it('names the bell with the unread count', () => {
    expect(unreadLabel(3)).toBe('Notifications, 3 unread');
    expect(unreadLabel(1)).toBe('Notifications, 1 unread');
    expect(unreadLabel(0)).toBe('Notifications, none unread');
  });

  it('says only "Notifications" while the count is unknown', () => {
    expect(unreadLabel(undefined)).toBe('Notifications');
    expect(unreadLabel(null)).toBe('Notifications');
  });
});

describe('badgeText', () => {
  it('shows the count, nothing at zero, and caps at 99+', () => {
    expect(badgeText(5)).toBe('5');
    expect(badgeText(0)).toBeNull();
    expect(badgeText(undefined)).toBeNull();
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });
});

describe('inAppPath', () => {
  it('keeps paths of this app', () => {
    expect(inAppPath('/inbox')).toBe('/inbox');
    expect(inAppPath('/cycles/12')).toBe('/cycles/12');
    expect(inAppPath(' /cycles/12?x=1 ')).toBe('/cycles/12?x=1');
  });

  it('refuses missing links and links that leave the app', () => {
    expect(inAppPath(null)).toBeNull();
    expect(inAppPath('')).toBeNull();
    expect(inAppPath('https://evil.example/inbox')).toBeNull();
    expect(inAppPath('//evil.example/inbox')).toBeNull();
    expect(inAppPath('/\\evil.example')).toBeNull();
    expect(inAppPath('javascript:alert(1)')).toBeNull();
    expect(inAppPath('inbox')).toBeNull();
  });
});

describe('dayLabel and groupByDay', () => {
  const now = new Date(2026, 10, 27, 15, 0, 0);
  const at = (day: number, hour: number) => new Date(2026, 10, day, hour, 0, 0).toISOString();

  it('says Today, Yesterday, or the date', () => {
    expect(dayLabel(at(27, 0), now)).toBe('Today');
    expect(dayLabel(at(26, 23), now)).toBe('Yesterday');
    expect(dayLabel(at(20, 9), now)).toBe(new Date(2026, 10, 20).toLocaleDateString(undefined, { dateStyle: 'medium' }));
    expect(dayLabel('not a date', now)).toBe('Earlier');
  });

  it('groups newest first, keeping the order within each day', () => {
    const list = [
      { id: '5', createdAt: at(27, 14), readAt: null },
      { id: '4', createdAt: at(27, 9), readAt: '2026-11-27T10:00:00Z' },
      { id: '3', createdAt: at(26, 18), readAt: null },
      { id: '2', createdAt: at(20, 8), readAt: null },
      { id: '1', createdAt: at(20, 7), readAt: null },
    ];
    const groups = groupByDay(list, now);
    expect(groups.map((g) => g.label)).toEqual(['Today', 'Yesterday', dayLabel(at(20, 8), now)]);
    expect(groups.map((g) => g.items.map((n) => n.id))).toEqual([['5', '4'], ['3'], ['2', '1']]);
  });

  it('never repeats a day, and has no groups for no notifications', () => {
    const groups = groupByDay([{ id: '2', createdAt: at(27, 9) }, { id: '1', createdAt: at(26, 9) }, { id: '0', createdAt: at(27, 8) }], now);
    expect(groups.map((g) => g.label)).toEqual(['Today', 'Yesterday']);
    expect(groupByDay([], now)).toEqual([]);
  });
});

describe('isUnread', () => {
  it('is unread until readAt is set', () => {
    expect(isUnread({ id: '1', createdAt: '2026-11-27T10:00:00Z', readAt: null })).toBe(true);
    expect(isUnread({ id: '1', createdAt: '2026-11-27T10:00:00Z' })).toBe(true);
    expect(isUnread({ id: '1', createdAt: '2026-11-27T10:00:00Z', readAt: '2026-11-27T11:00:00Z' })).toBe(false);
  });
});

describe('kindLabel', () => {
  it('names the kinds in words', () => {
    expect(kindLabel('RFI')).toBe('Request for information');
    expect(kindLabel('SLA')).toBe('SLA');
    expect(kindLabel('TASK')).toBe('Task');
    expect(kindLabel('SOMETHING_NEW')).toBe('Something new');
  });
});
