// The browser side: one Run per scenario (its artefact folder, the people it
// opens a browser window for, axe-core on every page they see, screenshots)
// and the gestures of a person: follow a link, fill a labelled field, press a
// button, sign in. Everything is found by its visible French label or name.
'use strict';
const fs = require('fs');
const path = require('path');
const { BASE, waitForMail, temporaryPassword } = require('./portal');

const ARTIFACTS = path.join(__dirname, '..', 'artifacts');
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

class Run {
	constructor(browser, scenario) {
		this.browser = browser;
		this.scenario = scenario;
		this.dir = path.join(ARTIFACTS, scenario);
		this.shots = 0;
		this.audited = new Set();
		this.views = new Set();
		this.pagesChecked = 0;
		this.violations = [];
		this.people = [];
		this.problems = [];
		fs.rmSync(this.dir, { recursive: true, force: true });
		fs.mkdirSync(this.dir, { recursive: true });
	}

	// A new browser window (own cookies) for one person.
	async person(who) {
		const ctx = await this.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
		const page = await ctx.newPage();
		page.setDefaultTimeout(20000);
		page.who = who;
		page.run = this;
		page.loadId = 0;        // counts the documents loaded in this window
		page.auditedLoad = -1;  // the last one axe-core checked
		page.on('load', () => page.loadId++);
		this.people.push(page);
		return page;
	}

	// axe-core's WCAG 2.1 A/AA rules on the document shown (every violation is
	// kept for the verdict).
	async audit(page, where) {
		await page.evaluate(AXE); // through the devtools protocol: the CSP refuses inline scripts
		const result = await page.evaluate((tags) =>
			window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), AXE_TAGS);
		page.auditedLoad = page.loadId;
		this.pagesChecked++;
		for (const v of result.violations)
			this.violations.push(`${new URL(page.url()).pathname} (${where}): ${v.id} (${v.impact}): ${v.help}: ` +
				v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '));
	}

	// Every page a gesture leads to: axe-core once per view (path, ids aside).
	async visited(page) {
		const view = new URL(page.url()).pathname.replace(/\d+/g, 'N');
		if (this.views.has(view)) return;
		this.views.add(view);
		await this.audit(page, 'visited');
	}

	// A main page, once per view and state: a screenshot, and axe-core unless
	// it already checked this very document.
	async check(page, name) {
		await page.waitForLoadState('load');
		const key = `${new URL(page.url()).pathname.replace(/\d+/g, 'N')} ${name}`;
		if (this.audited.has(key)) return;
		this.audited.add(key);
		const file = `${String(++this.shots).padStart(2, '0')}-${name}.png`;
		await page.screenshot({ path: path.join(this.dir, file), fullPage: true });
		if (page.auditedLoad !== page.loadId) await this.audit(page, file);
	}

	// A check whose failure does not stop the scenario (what follows does not
	// depend on it): the failure is kept, and fails the scenario at its end.
	async soft(what, check) {
		try {
			await check();
		} catch (e) {
			this.problems.push(`${what}: ${e.message}`);
			await this.dumpFailure(`${this.problems.length}`);
		}
	}

	// After a failure: every open window's screenshot, HTML and accessibility tree.
	async dumpFailure(suffix = '') {
		for (const page of this.people) {
			if (page.isClosed()) continue;
			const base = path.join(this.dir, `echec${suffix}-${page.who}`);
			try {
				await page.screenshot({ path: `${base}.png`, fullPage: true });
				fs.writeFileSync(`${base}.html`, `<!-- ${page.url()} -->\n${await page.content()}`);
				fs.writeFileSync(`${base}.aria.txt`, await page.locator('body').ariaSnapshot());
			} catch (e) { /* the window may be gone */ }
		}
	}

	async close() {
		for (const page of this.people) await page.context().close().catch(() => {});
		this.people = [];
	}
}

function expect(cond, what) {
	if (!cond) throw new Error(what);
}

const pathOf = (page) => new URL(page.url()).pathname;

async function expectPath(page, re, what) {
	const p = pathOf(page);
	expect(typeof re === 'string' ? p === re : re.test(p), `${what || 'page'}: at ${page.url()}, expected ${re}`);
}

async function expectText(page, text, what) {
	await page.getByText(text).first().waitFor({ state: 'visible', timeout: 10000 })
		.catch(() => { throw new Error(`${what ? what + ': ' : ''}"${text}" not shown on ${page.url()}`); });
}

// A gesture that loads a new page (link, form): waits for that page.
async function loads(page, what, gesture) {
	const from = page.url();
	try {
		await Promise.all([page.waitForEvent('load', { timeout: 20000 }), gesture()]);
	} catch (e) {
		throw new Error(`${what} on ${from}: ${e.message.split('\n')[0]}`);
	}
	if (page.run) await page.run.visited(page);
}

const follow = (page, name, opts = {}) => loads(page, `link "${name}"`,
	() => page.getByRole('link', { name, exact: true, ...opts }).first().click({ timeout: 10000 }));
const press = (page, name, opts = {}) => loads(page, `button "${name}"`,
	() => page.getByRole('button', { name, exact: true, ...opts }).first().click({ timeout: 10000 }));
// A field by its whole label (the required mark "*" aside).
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const field = (page, label) => page.getByLabel(new RegExp(`^\\s*${escape(label)}\\s*\\*?\\s*$`));
const fill = (page, label, value) => field(page, label).fill(value);
const choose = (page, label, option) => field(page, label).selectOption({ label: option });
// DSFR draws checkboxes and radios on their label: a person clicks the label.
const tick = (page, text) => page.locator('label', { hasText: text }).first().click();

// Types the e-mail and password on the login page and presses "Valider".
async function signIn(run, page, email, password, shot = 'connexion') {
	await page.goto(BASE + '/');
	await expectPath(page, '/auth/connexion', 'a visitor is sent to the login page');
	await run.check(page, shot);
	await page.getByLabel(/^Votre adresse électronique/).fill(email);
	await page.getByLabel(/^Votre mot de passe/).fill(password);
	await press(page, 'Valider');
	expect(pathOf(page) !== '/auth/connexion', `sign-in of ${email} refused: ${await page.locator('main').innerText()}`);
}

// The password change form (forced or voluntary).
async function changePassword(run, page, current, fresh, shot = 'changement-mot-de-passe') {
	await expectPath(page, '/auth/mot-de-passe', 'password change form');
	await run.check(page, shot);
	await page.getByLabel(/^Mot de passe actuel/).fill(current);
	await page.getByLabel(/^Nouveau mot de passe/).fill(fresh);
	await page.getByLabel(/^Confirmation mot de passe/).fill(fresh);
	await press(page, 'Valider');
	expect(pathOf(page) !== '/auth/mot-de-passe', `password change refused: ${await page.locator('main').innerText()}`);
}

// A new account's first visit: the temporary password of its mail, then the
// forced change to `fresh`. Returns the page, signed in.
async function firstSignIn(run, who, email, fresh) {
	const page = await run.person(who);
	const temp = temporaryPassword(await waitForMail(email));
	await signIn(run, page, email, temp, 'connexion-nouveau-compte');
	await changePassword(run, page, temp, fresh, 'premier-mot-de-passe');
	return page;
}

module.exports = { ARTIFACTS, Run, escape, field, expect, pathOf, expectPath, expectText, loads, follow, press, fill,
	choose, tick, signIn, changePassword, firstSignIn };
