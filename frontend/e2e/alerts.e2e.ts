// Browser test of the stored alerts on the monitoring dashboard: a run whose observation phase fails is compensated (SKIP),
// its COMPENSATION alert appears live, a test manager acknowledges it, and it moves to the acknowledged ones.
// Needs a server started with SYNAPSE_TESTING_FAULTS=true (run_all_tests.sh starts its own so) for the injected fault.
import { describe, expect, it } from 'vitest';
import { cancelWorkflow, createCycle, startWorkflow } from './support/api';
import { screenshot, signIn, useBrowser } from './support/browser';

describe('workflow alerts on the monitoring dashboard', () => {
  const session = useBrowser();

  it('lists a compensation alert as it is raised, acknowledges it, and shows it among the acknowledged ones', async () => {
    const { page } = session;
    await signIn(page, 'test-manager');
    await page.goto('/workflow-monitoring');
    const panel = page.getByTestId('alerts-panel');
    await panel.getByRole('heading', { name: 'Alerts' }).waitFor();
    await page.locator('[data-live="live"]').first().waitFor();
    // A marker that a reload would wipe out: the alert must arrive through the live events.
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    const cycle = await createCycle(`e2e alerts ${Date.now()}`, 1);
    // Every attempt of phase 7's work fails; its compensation (SKIP) raises a COMPENSATION alert and the run goes on.
    const executionId = await startWorkflow(cycle.token, cycle.id, 'AUTO', {
      faults: [{ phase: 'OBSERVATION_MANAGEMENT', failingAttempts: 99 }],
    });
    session.afterwards(() => cancelWorkflow(cycle.token, executionId));

    const openList = panel.getByRole('list', { name: 'Open alerts' });
    const alert = openList.locator('[data-alert-type="COMPENSATION"]', { hasText: cycle.name });
    try {
      await alert.waitFor({ timeout: 120_000 });
    } catch (error) {
      await screenshot(page, 'alerts-raised');
      throw error;
    }
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await alert.getByText('Warning', { exact: true }).waitFor();
    await alert.getByText('Observation Management').first().waitFor();
    expect(await alert.getByRole('link', { name: cycle.name }).getAttribute('href')).toBe(`/cycles/${cycle.id}`);

    await alert.getByRole('button', { name: /^Acknowledge/ }).click();
    await panel.getByRole('status').getByText(/alert acknowledged/).waitFor();
    await alert.waitFor({ state: 'detached' });

    // Shown again, with who acknowledged it, once the acknowledged ones are asked for.
    await panel.getByLabel('Show acknowledged alerts').check();
    const acknowledged = panel
      .getByRole('list', { name: 'Acknowledged alerts' })
      .locator('[data-alert-type="COMPENSATION"]', { hasText: cycle.name });
    await acknowledged.getByText(/^Acknowledged by Tom Manager on /).waitFor();
    expect(await acknowledged.getByRole('button').count()).toBe(0);

    // Hidden again with the toggle; still not among the open ones after a reload.
    await panel.getByLabel('Show acknowledged alerts').uncheck();
    await acknowledged.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByTestId('alerts-summary').waitFor();
    expect(await alert.count()).toBe(0);
  }, 180_000);
});
