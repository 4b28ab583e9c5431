// Browser test of the notifications bell: a MANUAL run's planning task notifies the report owner, whose bell counts it;
// following the notification opens the inbox and marks it read.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cancelWorkflow, createCycle, startWorkflow, waitForOpenTask } from './support/api';
import { screenshot, signIn, useBrowser } from './support/browser';

/** The bell's unread count, once it is known. */
async function unreadCount(page: Page): Promise<number> {
  const bell = page.getByTestId('notifications-bell');
  await page.waitForFunction(() => document.querySelector('[data-testid="notifications-bell"]')?.getAttribute('data-unread') !== '');
  return Number(await bell.getAttribute('data-unread'));
}

describe('the notifications bell', () => {
  const session = useBrowser();

  it("counts the report owner's new task, lists it, and following it opens the inbox and marks it read", async () => {
    const cycle = await createCycle(`e2e notifications ${Date.now()}`, 1);
    const executionId = await startWorkflow(cycle.token, cycle.id, 'MANUAL');
    session.afterwards(() => cancelWorkflow(cycle.token, executionId));
    // The task and its notification are written together.
    const task = await waitForOpenTask('report-owner', cycle.id);

    const { page } = session;
    await signIn(page, 'report-owner');
    const bell = page.getByTestId('notifications-bell');
    const before = await unreadCount(page);
    expect(before).toBeGreaterThan(0);
    expect(await bell.getAttribute('aria-label')).toBe(`Notifications, ${before} unread`);
    expect(await bell.getAttribute('aria-expanded')).toBe('false');

    await bell.click();
    const panel = page.getByTestId('notifications-panel');
    await panel.getByRole('heading', { name: 'Notifications' }).waitFor();
    // Newest first: the first one naming the task is this run's.
    const item = panel.getByTestId('notification').filter({ hasText: task.title }).first();
    await item.waitFor();
    expect(await item.getAttribute('data-unread')).toBe('true');
    await item.getByText('Planning is waiting for your').waitFor();
    expect(await bell.getAttribute('aria-expanded')).toBe('true');

    const link = item.getByRole('link', { name: `Unread: New task: ${task.title}` });
    expect(await link.getAttribute('href')).toBe('/inbox');
    await link.click();
    try {
      await page.waitForURL('**/inbox');
      await page.getByRole('heading', { name: 'Inbox' }).waitFor();
      expect(await panel.count()).toBe(0);
      await page.waitForFunction(
        (was) => Number(document.querySelector('[data-testid="notifications-bell"]')?.getAttribute('data-unread')) < was,
        before,
        { timeout: 15_000 },
      );
    } catch (error) {
      await screenshot(page, 'notifications-follow');
      throw error;
    }

    // Opened again, the notification reads as read.
    await bell.click();
    const again = panel.getByTestId('notification').filter({ hasText: task.title }).first();
    await again.waitFor();
    expect(await again.getAttribute('data-unread')).toBe('false');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });
});
