import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

/** Retrying checks on the page (playwright-core has no expect of its own). */
const POLL = { timeout: 20_000, interval: 100 };

export const visible = (l: Locator) => l.first().waitFor({ state: 'visible', timeout: POLL.timeout });
export const textOf = (l: Locator) => expect.poll(async () => ((await l.first().textContent().catch(() => '')) ?? '').trim(), POLL);
export const attrOf = (l: Locator, name: string) => expect.poll(() => l.first().getAttribute(name).catch(() => null), POLL);
export const countOf = (l: Locator) => expect.poll(() => l.count(), POLL);
export const focused = (l: Locator) => expect.poll(() => l.first().evaluate((el) => el === document.activeElement).catch(() => false), POLL).toBe(true);
export const disabled = (l: Locator) => expect.poll(() => l.first().isDisabled().catch(() => null), POLL);
