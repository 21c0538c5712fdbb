import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { visible } from './wait.js';

/**
 * Right after a store is made the app shows its recovery code once: the scenario reads it, says it
 * is written down, and goes on. Returns the code, as the owner would have it on paper.
 */
export async function keepRecoveryCode(page: Page): Promise<string> {
  await visible(page.getByTestId('recovery-code'));
  const code = (await page.getByTestId('recovery-code').innerText()).trim();
  expect(code).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  await page.getByTestId('recovery-written').check();
  await page.getByTestId('recovery-continue').click();
  return code;
}
