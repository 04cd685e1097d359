#!/usr/bin/env node
// End-to-end scenarios in Debian's chromium (playwright-core), driven as a
// person would: by the visible French labels, links and buttons. On every
// page a scenario visits, axe-core checks WCAG 2.1 A/AA (zero violations
// allowed) and a screenshot goes to tests/e2e/artifacts/SCENARIO/; after a
// failure, each open window's screenshot, HTML and accessibility tree too.
//
// Usage: node tests/e2e/e2e.js all | SCENARIO...   (tests/e2e/run starts the stack)
// Environment: PORTAIL_URL, PORTAIL_CONF, PORTAIL_BIN; CHROMIUM (default /usr/bin/chromium).
// Prints "ok SCENARIO" or "FAIL SCENARIO: why", then "scenarios: N passed, M failed";
// exits 1 on any failure.
'use strict';
const fs = require('fs');
const { chromium } = require('playwright-core');
const { ARTIFACTS, Run } = require('./lib/browser');
const { BASE, setClockOffset, TEST_HOOKS } = require('./lib/portal');

// In this order: the ones that move the clock last.
const SCENARIOS = {
	'exemples': require('./scenarios/exemples'),
	'clavier': require('./scenarios/clavier'),
	'mot-de-passe-oublie': require('./scenarios/mot-de-passe-oublie'),
	'jour-46': require('./scenarios/jour-46'),
	'session-expiree': require('./scenarios/session-expiree'),
};

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function main(names) {
	if (names.length === 0 || names.includes('all')) names = Object.keys(SCENARIOS);
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	console.log(`scenarios on ${BASE}, artefacts in ${ARTIFACTS}`);
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS });
	let passed = 0, failed = 0;
	try {
		for (const name of names) {
			const scenario = SCENARIOS[name];
			if (!scenario) {
				console.log(`FAIL ${name}: no such scenario (${Object.keys(SCENARIOS).join(', ')})`);
				failed++;
				continue;
			}
			const run = new Run(browser, name);
			const t0 = Date.now();
			try {
				await scenario(run);
				if (run.problems.length) throw new Error(run.problems.join('\n     '));
				if (run.violations.length)
					throw new Error(`axe-core, WCAG 2.1 A/AA:\n    ${run.violations.join('\n    ')}`);
				passed++;
				console.log(`ok   ${name} (${((Date.now() - t0) / 1000).toFixed(0)} s, ` +
					`${run.shots} screenshots, ${run.pagesChecked} pages checked by axe-core)`);
			} catch (e) {
				failed++;
				await run.dumpFailure();
				console.log(`FAIL ${name} (${((Date.now() - t0) / 1000).toFixed(0)} s, ${run.pagesChecked} pages checked ` +
					`by axe-core; artefacts in ${run.dir}): ${e.message}`);
				if (run.violations.length && !e.message.startsWith('axe-core'))
					console.log(`     and axe-core:\n    ${run.violations.join('\n    ')}`);
			} finally {
				await run.close();
				if (TEST_HOOKS) await setClockOffset(0);
			}
		}
	} finally {
		await browser.close();
	}
	console.log(`scenarios: ${passed} passed, ${failed} failed`);
	return failed;
}

main(process.argv.slice(2)).then((n) => process.exit(n ? 1 : 0),
	(e) => { console.error(e); console.log('scenarios: 0 passed, 1 failed'); process.exit(1); });
