// Browser tests of the operator controls on the cycle page: answering a phase paused for manual intervention, and a version migration.
// Needs a server started with SYNAPSE_TESTING_FAULTS=true (run_all_tests.sh starts its own so) for the injected fault.
import { describe, expect, it } from 'vitest';
import { cancelWorkflow, completeTaskAsAdmin, createCycle, startWorkflow, waitForOpenTask } from './support/api';
import { newPage, screenshot, signIn, useBrowser } from './support/browser';

describe('a phase paused for an operator', () => {
  const session = useBrowser();

  it('shows the pause to everyone, lets a test manager retry it, and the run completes', async () => {
    const cycle = await createCycle(`e2e intervention ${Date.now()}`, 1);
    // Every attempt of phase 5's work fails in round 1; RFI compensates by waiting for an operator.
    const executionId = await startWorkflow(cycle.token, cycle.id, 'AUTO', {
      faults: [{ phase: 'REQUEST_FOR_INFORMATION', failingAttempts: 99, round: 1 }],
    });
    session.afterwards(() => cancelWorkflow(cycle.token, executionId));

    // An executive who may watch every cycle, but not control workflows, sees the pause without the answers.
    // (`tester` sees only cycles whose reports name them as tester, and this cycle names none.)
    const watcher = await newPage(session.browser);
    await signIn(watcher, 'report-owner-executive');
    await watcher.goto(`/cycles/${cycle.id}`);
    const watched = watcher.getByTestId('paused-panel');
    await watched.waitFor({ timeout: 60_000 });
    await watched.getByText('A test manager or an admin decides how this run goes on.').waitFor();
    expect(await watched.getByRole('button').count()).toBe(0);
    await watcher.context().close();

    const { page } = session;
    await signIn(page, 'test-manager');
    await page.goto(`/cycles/${cycle.id}`);
    const panel = page.getByTestId('paused-panel');
    await panel.getByRole('heading', { name: 'Paused: waiting for an operator' }).waitFor();
    await panel.getByText('Request for Information').first().waitFor();
    for (const name of ['Resume', 'Retry', 'Skip', 'Abort…']) {
      expect(await panel.getByRole('button', { name, exact: true }).count(), name).toBe(1);
    }

    // Abort asks first; keeping it paused changes nothing.
    await panel.getByRole('button', { name: 'Abort…' }).click();
    await panel.getByRole('button', { name: 'Abort the run' }).waitFor();
    await panel.getByRole('button', { name: 'Keep it paused' }).click();
    expect(await panel.getByRole('button', { name: 'Abort the run' }).count()).toBe(0);

    // Retry runs the phase again in round 2, where the fault no longer applies.
    await panel.getByRole('button', { name: 'Retry', exact: true }).click();
    try {
      await panel.waitFor({ state: 'detached', timeout: 30_000 });
      await page.locator('.workflow__head [data-status="COMPLETED"]').waitFor({ timeout: 60_000 });
      await page.locator('.page-head [data-status="COMPLETED"]').waitFor({ timeout: 20_000 });
    } catch (error) {
      await screenshot(page, 'intervention-retry');
      throw error;
    }
    expect(await page.getByTestId('paused-panel').count()).toBe(0);
  });
});

describe('moving a run to a newer workflow version', () => {
  const session = useBrowser();

  it('lets a test manager upgrade a run pinned to 1.0.0, applied at the next phase boundary', async () => {
    const cycle = await createCycle(`e2e migration ${Date.now()}`, 1);
    const executionId = await startWorkflow(cycle.token, cycle.id, 'MANUAL', { version: '1.0.0' });
    session.afterwards(() => cancelWorkflow(cycle.token, executionId));
    const task = await waitForOpenTask('report-owner', cycle.id);

    const { page } = session;
    await signIn(page, 'test-manager');
    await page.goto(`/cycles/${cycle.id}`);
    const migration = page.getByTestId('version-migration');
    const upgrade = migration.getByRole('button', { name: 'Upgrade to 1.1.0 at the next phase boundary' });
    await upgrade.waitFor({ timeout: 30_000 });
    await migration.getByText('SLA timers on human steps, with reminders and escalation').waitFor();
    await upgrade.click();

    const row = migration.getByTestId('migration-row');
    await row.locator('[data-status="REQUESTED"]').waitFor();
    expect(await upgrade.count()).toBe(0);

    // The run's migration records keep the pending move across a reload.
    await page.reload();
    await row.locator('[data-status="REQUESTED"]').waitFor();
    await row.getByText(/pending: applies when the next phase starts/).waitFor();
    expect(await upgrade.count()).toBe(0);

    // Deciding planning's task ends the phase: the run moves before scoping starts.
    await completeTaskAsAdmin(task.id);
    try {
      await row.locator('[data-status="APPLIED"]').waitFor({ timeout: 30_000 });
    } catch (error) {
      await screenshot(page, 'migration-applied');
      throw error;
    }
    await row.getByText(/before Scoping/).waitFor();
  });
});
