import type { Page } from 'playwright-core';

/**
 * What is wrong with the layout at the current window size, in words: the page itself
 * scrolling, a scrolling area inside another (two scrollbars in one pane), or anything of the
 * workspace reaching past its pane or the window's edge.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.scrollingElement!;
    if (root.scrollHeight > window.innerHeight + 1) problems.push(`the page scrolls: ${root.scrollHeight} > ${window.innerHeight}`);
    if (root.scrollWidth > window.innerWidth + 1) problems.push(`the page scrolls sideways: ${root.scrollWidth} > ${window.innerWidth}`);

    const name = (el: Element) => el.getAttribute('data-testid') ?? `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
    const scrolls = (el: Element) => {
      const style = getComputedStyle(el);
      const y = /(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
      const x = /(auto|scroll)/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
      return y || x;
    };
    const scrollers = [...document.querySelectorAll('body *')].filter((el) => !(el instanceof HTMLTextAreaElement) && scrolls(el));
    for (const inner of scrollers) {
      const outer = scrollers.find((other) => other !== inner && other.contains(inner));
      if (outer) problems.push(`${name(inner)} scrolls inside ${name(outer)}`);
    }

    // every element of the workspace within its pane, but the pages, which pdf.js lays out
    // itself, and the grips of the pane handles, which stand out of their thin line by design
    for (const el of document.querySelectorAll('[data-testid="workspace"] *')) {
      if (el.closest('.pdfViewer, [role="separator"]')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const pane = el.closest('[data-testid="workspace-panes"] > *')?.getBoundingClientRect();
      const inPane = !pane || (box.left >= pane.left - 1 && box.right <= pane.right + 1);
      if (box.right > window.innerWidth + 1 || box.left < -1 || !inPane) problems.push(`${name(el)} is cut off (${Math.round(box.left)}–${Math.round(box.right)})`);
    }
    return problems;
  });
}

/** Whether the element lies wholly inside the window. */
export function inViewport(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).first().evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth && box.height > 0;
  });
}
