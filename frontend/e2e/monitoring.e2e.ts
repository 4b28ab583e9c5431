// Browser test: the monitoring dashboard shows numbers from the API and goes live.
import { describe, expect, it } from 'vitest';
import { createCycle, startWorkflow } from './support/api';
import { signIn, useBrowser } from './support/browser';

describe('workflow monitoring dashboard', () => {
  const session = useBrowser();

  it('updates from live events without a reload', async () => {
    const { page } = session;
    await signIn(page, 'test-manager');
    await page.goto('/workflow-monitoring');
    await page.getByTestId('metric-total').waitFor();
    const completedTile = page.getByTestId('metric-completed').locator('.tile__value');
    const before = Number(await completedTile.innerText());
    const cycle = await createCycle(`e2e monitoring ${Date.now()}`, 1);
    await startWorkflow(cycle.token, cycle.id, 'AUTO');
    await page.locator('.feed__item').first().waitFor({ timeout: 20_000 });
    // The report's run completes (the tile counts report runs; the cycle's run is counted apart).
    await page.waitForFunction(
      (min) => Number(document.querySelector('[data-testid="metric-completed"] .tile__value')?.textContent) >= min,
      before + 1,
      { timeout: 60_000 },
    );
  });

  it('renders run counts, task counts and per-phase durations', async () => {
    const { page } = session;
    // The run started by the test before guarantees there is something to count.
    for (const id of ['total', 'running', 'completed', 'failed', 'cycle-runs', 'open-tasks', 'compensations']) {
      const value = await page.getByTestId(`metric-${id}`).locator('.tile__value').innerText();
      expect(value, id).toMatch(/^\d+$/);
    }
    expect(Number(await page.getByTestId('metric-total').locator('.tile__value').innerText())).toBeGreaterThan(0);
    expect(await page.getByTestId('metric-success-rate').locator('.tile__value').innerText()).toMatch(/^(\d+(\.\d)?%|—)$/);
    expect(await page.locator('[data-testid^="duration-"]').count()).toBe(8);
    expect(await page.getByTestId('daily-trend').locator('li').count()).toBeGreaterThanOrEqual(30);
    await page.locator('[data-live="live"]').first().waitFor();
  });
});
