// Draws the app icon — the character 评 in white on an indigo rounded square — as an SVG whose
// glyph is a path (no font needed to show it), then rasterises it to PNG with Chromium.
// Run from the repository root: `npx node build/make-icons.mjs`. Outputs are checked in.
import { mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit');
const font = fontkit.openSync('node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');
const glyph = font.glyphForCodePoint(0x8bc4);
const box = glyph.bbox;
const size = 1024;
const target = 600;
const scale = target / Math.max(box.maxX - box.minX, box.maxY - box.minY);
const dx = (size - (box.maxX - box.minX) * scale) / 2 - box.minX * scale;
const dy = (size + (box.maxY - box.minY) * scale) / 2 + box.minY * scale;
const path = glyph.path.toSVG();

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#5c6ef8"/>
      <stop offset="1" stop-color="#3442b8"/>
    </linearGradient>
  </defs>
  <rect x="48" y="48" width="928" height="928" rx="200" fill="url(#bg)"/>
  <rect x="48" y="48" width="928" height="928" rx="200" fill="none" stroke="#ffffff" stroke-opacity="0.18" stroke-width="8"/>
  <path fill="#ffffff" transform="translate(${dx.toFixed(1)} ${dy.toFixed(1)}) scale(${scale.toFixed(4)} ${(-scale).toFixed(4)})" d="${path}"/>
</svg>
`;

mkdirSync('resources/icons', { recursive: true });
writeFileSync('resources/icons/icon.svg', svg);
mkdirSync('src-renderer/public', { recursive: true });
copyFileSync('resources/icons/icon.svg', 'src-renderer/public/icon.svg');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  for (const px of [512, 256]) {
    const page = await browser.newPage({ viewport: { width: px, height: px } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace(`width="${size}" height="${size}"`, `width="${px}" height="${px}"`)}</body></html>`);
    writeFileSync(`resources/icons/icon-${px}.png`, await page.screenshot({ omitBackground: true }));
    await page.close();
  }
} finally {
  await browser.close();
}
// electron-builder looks for icon.png (at least 512 px) for Linux and derives the others from it
copyFileSync('resources/icons/icon-512.png', 'resources/icons/icon.png');
console.log('icons written to resources/icons/');
