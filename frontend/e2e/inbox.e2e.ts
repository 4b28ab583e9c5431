// Browser tests: a MANUAL run puts a task in the report owner's inbox, live, and approving it there completes it;
// a task withdrawn by a cancelled run leaves the open inbox without a reload.
import { describe, expect, it } from 'vitest';
import { cancelWorkflow, createCycle, findTask, startWorkflow, waitForOpenTask } from './support/api';
import { newPage, signIn, useBrowser } from './support/browser';

describe('task inbox', () => {
  const session = useBrowser();

  it('lists the open task and approves it', async () => {
    const { page } = session;
    const cycle = await createCycle(`e2e manual run ${Date.now()}`, 1);
    const executionId = await startWorkflow(cycle.token, cycle.id, 'MANUAL');
    session.afterwards(() => cancelWorkflow(cycle.token, executionId));
    const task = await waitForOpenTask('report-owner', cycle.id);

    await signIn(page, 'report-owner');
    await page.goto('/inbox');
    const card = page.getByTestId(`task-${task.id}`);
    await card.waitFor();
    expect(await card.innerText()).toContain(cycle.name);

    // Rejecting needs a comment: the form says so before anything is sent.
    await card.getByRole('radio', { name: 'Reject' }).check();
    await card.getByRole('button', { name: 'Reject' }).click();
    await card.getByText('a comment is required').waitFor();

    await card.getByRole('radio', { name: 'Approve' }).check();
    await card.getByRole('button', { name: 'Approve' }).click();
    await card.waitFor({ state: 'detached' });

    const decided = await findTask('report-owner', task.id);
    expect(decided?.status).toBe('COMPLETED');
    expect(decided?.decision).toBe('APPROVE');
  });

  it('shows a task the moment it opens and drops it when its run is cancelled, without a reload', async () => {
    const viewer = await newPage(session.browser);
    await signIn(viewer, 'report-owner');
    await viewer.goto('/inbox');
    await viewer.locator('[data-live="live"]').waitFor();

    const cycle = await createCycle(`e2e live inbox ${Date.now()}`, 1);
    const executionId = await startWorkflow(cycle.token, cycle.id, 'MANUAL');
    const task = await waitForOpenTask('report-owner', cycle.id);
    const card = viewer.getByTestId(`task-${task.id}`);
    await card.waitFor({ timeout: 15_000 });

    await cancelWorkflow(cycle.token, executionId);
    await card.waitFor({ state: 'detached', timeout: 15_000 });
    expect((await findTask('report-owner', task.id))?.status).toBe('CANCELLED');
  });
});
