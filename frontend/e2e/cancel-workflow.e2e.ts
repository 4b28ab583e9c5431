// Browser test: a test manager cancels a running MANUAL workflow from the cycle page, giving a reason.
import { describe, it } from 'vitest';
import { createCycle, startWorkflow, waitForOpenTask } from './support/api';
import { signIn, useBrowser } from './support/browser';

describe('cancelling a workflow', () => {
  const session = useBrowser();

  it('stops the run and offers Start Workflow again', async () => {
    const { page } = session;
    const cycle = await createCycle(`e2e cancel ${Date.now()}`, 1);
    await startWorkflow(cycle.token, cycle.id, 'MANUAL');
    await waitForOpenTask('report-owner', cycle.id);

    await signIn(page, 'test-manager');
    await page.goto(`/cycles/${cycle.id}`);
    await page.locator('[data-phase="PLANNING"][data-status="WAITING"]').waitFor();
    await page.getByRole('button', { name: 'Cancel workflow…' }).click();
    await page.getByLabel('Why cancel? (recorded)').fill('browser test: cancelled on purpose');
    await page.getByRole('button', { name: 'Cancel workflow', exact: true }).click();

    await page.locator('.workflow__head [data-status="CANCELLED"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-phase="PLANNING"][data-status="CANCELLED"]').waitFor();
    await page.getByRole('button', { name: 'Start Workflow' }).waitFor();
  });
});
