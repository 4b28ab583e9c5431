// Browser test of advancing a cycle by hand: a test manager moves a new cycle's report to Planning (with a note), then
// to Scoping, on the cycle page; the cycle's workflow is no longer offered, and the server refuses to start it.
import { describe, expect, it } from 'vitest';
import { createCycle, startWorkflow } from './support/api';
import { screenshot, signIn, useBrowser } from './support/browser';

describe('advancing a cycle by hand', () => {
  const session = useBrowser();

  it('moves a report phase by phase, after which the workflow is not offered', async () => {
    const cycle = await createCycle(`e2e by hand ${Date.now()}`, 1);
    const { page } = session;
    await signIn(page, 'test-manager');
    await page.goto(`/cycles/${cycle.id}`);

    const reports = page.getByTestId('cycle-reports');
    const row = reports.getByTestId('cycle-report');
    const byHand = reports.getByTestId('advance-by-hand');
    const start = page.getByRole('button', { name: 'Start Workflow' });
    // A fresh cycle may go either way: the workflow is offered, moving by hand is folded away.
    await start.waitFor();
    expect(await byHand.getAttribute('open')).toBeNull();
    await byHand.getByText('Advance by hand').click();
    expect(await row.getAttribute('data-current-phase')).toBe('');
    await row.locator('[data-status="NOT_STARTED"]').waitFor();

    await byHand.getByLabel(/^Note for .* \(optional\)$/).fill('Kick-off meeting held');
    await byHand.getByRole('button', { name: /^Advance to Planning/ }).click();
    try {
      await byHand.getByRole('status').getByText(/now in Planning/).waitFor();
      await reports.locator('[data-testid="cycle-report"][data-current-phase="PLANNING"]').waitFor();
    } catch (error) {
      await screenshot(page, 'advance-by-hand-planning');
      throw error;
    }
    await row.getByRole('cell', { name: 'Planning' }).waitFor();
    await row.locator('[data-status="IN_PROGRESS"]').waitFor();
    expect(await byHand.getByLabel(/^Note for /).inputValue()).toBe('');

    // Moved by hand: the workflow is not offered, and the page says why.
    await page.getByTestId('workflow-by-hand').getByText(/advanced by hand/).waitFor();
    expect(await start.count()).toBe(0);

    await byHand.getByRole('button', { name: /^Advance to Scoping/ }).click();
    await reports.locator('[data-testid="cycle-report"][data-current-phase="SCOPING"]').waitFor();
    await row.getByRole('cell', { name: 'Scoping' }).waitFor();

    // Kept after a reload, with the section open now that the cycle moves by hand; the next move is
    // offered, the workflow still not.
    await page.reload();
    await reports.locator('[data-testid="advance-by-hand"][open]').waitFor();
    await reports.locator('[data-testid="cycle-report"][data-current-phase="SCOPING"]').waitFor();
    await byHand.getByRole('button', { name: /^Advance to Sample Selection/ }).waitFor();
    await page.getByTestId('workflow-by-hand').waitFor();
    expect(await start.count()).toBe(0);

    // The server agrees: a cycle moved by hand is not started as a workflow.
    await expect(startWorkflow(cycle.token, cycle.id, 'MANUAL')).rejects.toThrow(/^CONFLICT/);
  });
});
