// Browser test: a test manager schedules a cycle's workflow for later, sees it waiting, then cancels it before it begins.
import { describe, expect, it } from 'vitest';
import { PHASES } from '../src/workflow/phases';
import { cancelWorkflow, createCycle, currentRun, waitForRunStatus } from './support/api';
import { newPage, screenshot, signIn, useBrowser } from './support/browser';

// The browser runs at UTC+05:30 (a half-hour offset), so a start time sent as typed (local taken for UTC) would be caught.
const TIME_ZONE = 'Asia/Kolkata';

describe('scheduling a workflow', () => {
  const session = useBrowser();

  it('waits PENDING until its time, and cancelled meanwhile runs nothing', async () => {
    const page = await newPage(session.browser, { timezoneId: TIME_ZONE });
    const cycle = await createCycle(`e2e scheduled run ${Date.now()}`, 1);
    await signIn(page, 'test-manager');
    await page.goto(`/cycles/${cycle.id}`);
    await page.getByTestId('phase-PLANNING').waitFor();
    await page.locator('[data-live="live"]').first().waitFor();

    // About ten minutes ahead, on a whole minute (what a datetime-local input holds), typed in the browser's local time.
    const startAt = Math.ceil((Date.now() + 10 * 60_000) / 60_000) * 60_000;
    const localValue = await page.evaluate((ms) => {
      const d = new Date(ms);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    }, startAt);
    expect(await page.evaluate(() => new Date().getTimezoneOffset())).toBe(-330);

    await page.getByRole('button', { name: 'Start Workflow' }).click();
    const form = page.locator('form.start-form');
    await form.getByRole('button', { name: 'Start Workflow' }).waitFor();
    await page.getByLabel('Start at (optional)').fill(localValue);
    // A start time turns the start into a schedule.
    await form.getByRole('button', { name: 'Start Workflow' }).waitFor({ state: 'detached' });
    await form.getByRole('button', { name: 'Schedule workflow' }).click();
    // Whatever fails below, no scheduled run is left to begin later in another test's way.
    session.afterwards(async () => {
      const run = await currentRun(cycle.id);
      if (run?.status === 'PENDING' || run?.status === 'RUNNING') await cancelWorkflow(cycle.token, run.id);
    });

    try {
      await page.getByText('Scheduled to start at').waitFor();
    } catch (error) {
      await screenshot(page, 'schedule-workflow-no-schedule');
      throw error;
    }
    const badge = page.locator('.workflow__head [data-status="PENDING"]');
    expect(await badge.textContent()).toBe('Scheduled');
    expect(Date.parse((await page.getByTestId('workflow-scheduled').getAttribute('data-scheduled-for')) ?? '')).toBe(startAt);

    // The server holds the run PENDING for exactly the chosen minute, having begun no report's run.
    const scheduled = await currentRun(cycle.id);
    expect(scheduled?.status).toBe('PENDING');
    expect(Date.parse(scheduled?.scheduledFor ?? '')).toBe(startAt);
    expect(scheduled?.children).toEqual([]);
    const executionId = scheduled?.id ?? '';

    // Waiting, every phase is pending and no new start is offered; the run can be cancelled.
    for (const phase of PHASES) {
      expect(await page.getByTestId(`phase-${phase}`).getAttribute('data-status'), phase).toBe('PENDING');
    }
    expect(await page.getByRole('button', { name: 'Start Workflow' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Cancel workflow…' }).click();
    await page.getByLabel('Why cancel? (recorded)').fill('browser test: scheduled run cancelled before it began');
    await page.getByRole('button', { name: 'Cancel workflow', exact: true }).click();

    try {
      await page.locator('.workflow__head [data-status="CANCELLED"]').waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Start Workflow' }).waitFor();
    } catch (error) {
      await screenshot(page, 'schedule-workflow-cancel');
      throw error;
    }
    expect(await page.getByText('Scheduled to start at').count()).toBe(0);

    // The server agrees: the same run ended CANCELLED, still without a report's run begun.
    const cancelled = await waitForRunStatus(cycle.id, 'CANCELLED');
    expect(cancelled.id).toBe(executionId);
    expect(cancelled.children).toEqual([]);
  });

  it('shows why the server refuses a start time in the past', async () => {
    // A page of its own, signed out, whatever the test before left.
    const page = await newPage(session.browser, { timezoneId: TIME_ZONE });
    const cycle = await createCycle(`e2e scheduled in the past ${Date.now()}`, 1);
    await signIn(page, 'test-manager');
    await page.goto(`/cycles/${cycle.id}`);
    await page.getByRole('button', { name: 'Start Workflow' }).click();
    await page.getByLabel('Start at (optional)').fill('2020-01-01T09:00');
    await page.getByRole('button', { name: 'Schedule workflow' }).click();

    const alert = page.locator('form.start-form [role="alert"]');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('BAD_USER_INPUT');
    expect(text).toContain('startAt');
    expect(await currentRun(cycle.id)).toBeNull();
  });
});
