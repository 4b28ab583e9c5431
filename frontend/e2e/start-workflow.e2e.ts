// Browser test: a test manager starts an AUTO workflow and watches every phase reach COMPLETED live, without reloading.
import { describe, expect, it } from 'vitest';
import { createCycle } from './support/api';
import { screenshot, signIn, useBrowser } from './support/browser';
import { recordPhaseStatuses, recordedStatuses, waitForAllPhases } from './support/pipeline';

describe('starting a workflow', () => {
  const session = useBrowser();

  it('moves the phases live to COMPLETED', async () => {
    const { page } = session;
    const cycle = await createCycle(`e2e auto run ${Date.now()}`, 1);
    await signIn(page, 'test-manager');
    await page.goto(`/cycles/${cycle.id}`);
    await page.getByTestId('phase-PLANNING').waitFor();
    await page.locator('[data-live="live"]').first().waitFor();

    // A marker that a reload would wipe out.
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await recordPhaseStatuses(page);

    await page.getByRole('button', { name: 'Start Workflow' }).click();
    await page.getByLabel(/^Auto/).check();
    await page.getByRole('button', { name: 'Start Workflow' }).click();

    try {
      await waitForAllPhases(page, 'COMPLETED', 60_000);
    } catch (error) {
      await screenshot(page, 'start-workflow-timeout');
      throw error;
    }

    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    const seen = await recordedStatuses(page);
    // Each phase was seen before it completed (pending, running or waiting), then completed: it moved live.
    for (const [phase, statuses] of Object.entries(seen)) {
      expect(statuses.at(-1), phase).toBe('COMPLETED');
      expect(statuses.length, `${phase} went ${statuses.join(' → ')}`).toBeGreaterThan(1);
    }
    expect(Object.values(seen).some((s) => s.includes('RUNNING') || s.includes('WAITING'))).toBe(true);

    // The run ends and the test report of phase 8 appears, still without a reload.
    await page.locator('.workflow__head [data-status="COMPLETED"]').waitFor({ timeout: 20_000 });
    await page.getByTestId('test-report').first().waitFor({ timeout: 20_000 });
    // Its only report done, the cycle is COMPLETED: no new run is offered.
    await page.getByRole('button', { name: 'Start Workflow' }).waitFor({ state: 'detached', timeout: 20_000 });
  });
});
