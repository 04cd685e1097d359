#!/usr/bin/env node
// Runs axe-core (WCAG 2.1 A and AA rules) on each URL given, in Debian's
// chromium driven by playwright-core, at a desktop and a mobile width.
// Prints each violation and exits 1 if there is any.
// Usage: node tests/xslt/axe.js URL...
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const widths = [1280, 375];

async function main(urls) {
	const browser = await chromium.launch({
		executablePath,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	let violations = 0;
	try {
		for (const url of urls) {
			for (const width of widths) {
				const page = await browser.newPage({ viewport: { width, height: 900 } });
				await page.goto(url, { waitUntil: 'load' });
				// Injected through the devtools protocol: the portal's CSP refuses inline scripts.
				await page.evaluate(axeSource);
				const result = await page.evaluate(() =>
					window.axe.run(document, {
						runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
					}));
				for (const v of result.violations) {
					violations++;
					console.log(`${url} @${width}px: ${v.id} (${v.impact}): ${v.help}`);
					for (const n of v.nodes.slice(0, 5))
						console.log(`    ${n.target.join(' ')}: ${n.failureSummary.split('\n').join(' ')}`);
				}
				if (result.violations.length === 0)
					console.log(`ok   ${url} @${width}px (${result.passes.length} rules pass)`);
				await page.close();
			}
		}
	} finally {
		await browser.close();
	}
	return violations;
}

if (process.argv.length < 3) {
	console.error(`usage: node ${path.relative(process.cwd(), __filename)} URL...`);
	process.exit(2);
}
main(process.argv.slice(2)).then(
	(n) => process.exit(n ? 1 : 0),
	(e) => { console.error(e); process.exit(2); });
