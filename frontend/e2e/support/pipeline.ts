// Reads the phase pipeline of the cycle page: each phase box's data-status, and a recorder of every status it shows.
import type { Page } from 'playwright-core';

/** Status of each phase box, keyed by phase. */
export async function phaseStatuses(page: Page): Promise<Record<string, string>> {
  return page.$$eval('[data-phase][data-status]', (nodes) =>
    Object.fromEntries(nodes.map((n) => [n.getAttribute('data-phase') ?? '', n.getAttribute('data-status') ?? ''])),
  );
}

/** Starts recording, in the page, every status each phase box takes (read back with `recordedStatuses`). */
export async function recordPhaseStatuses(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Record<string, string[]> = {};
    const note = (el: Element) => {
      const phase = el.getAttribute('data-phase');
      const status = el.getAttribute('data-status');
      if (!phase || !status) return;
      const list = (seen[phase] ??= []);
      if (list.at(-1) !== status) list.push(status);
    };
    document.querySelectorAll('[data-phase]').forEach(note);
    new MutationObserver((changes) => {
      for (const change of changes) {
        if (change.target instanceof Element) note(change.target);
        change.addedNodes.forEach((n) => {
          if (n instanceof Element) n.querySelectorAll('[data-phase]').forEach(note);
        });
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
    (window as unknown as { __phaseStatuses: typeof seen }).__phaseStatuses = seen;
  });
}

export async function recordedStatuses(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => (window as unknown as { __phaseStatuses: Record<string, string[]> }).__phaseStatuses);
}

/** Waits until every one of the eight phase boxes shows `status`. */
export async function waitForAllPhases(page: Page, status: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    (wanted) => {
      const nodes = [...document.querySelectorAll('[data-phase][data-status]')];
      return nodes.length === 8 && nodes.every((n) => n.getAttribute('data-status') === wanted);
    },
    status,
    { timeout },
  );
}
