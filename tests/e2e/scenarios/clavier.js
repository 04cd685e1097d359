// Keyboard only (RGAA 7 and 12, WCAG 2.1.1 and 2.4.7): the president of Les
// P'tits Loups (seed 001, example 3: every role) signs in and completes the
// first step of the rail with Tab, Shift+Tab, typing, Space and Enter. Each
// stop must show where the focus is. The Caf opens the campaign beforehand,
// with the mouse.
'use strict';
const { freshYear } = require('../lib/portal');
const { openCampaign } = require('../lib/rail');
const { expect, expectPath, expectText, loads, signIn } = require('../lib/browser');
const { BASE } = require('../lib/portal');

const LEBRUN = ['jm.lebrun@example.org', 'Marmotte-gaie13'];
const INSTRUCTOR = ['nadia.benali@example.fr', 'Pivoine-claire63'];
const FACILITY = "Crèche parentale Les P'tits Loups";

// What a screen reader would announce for the focused element, and whether
// its focus is visible (an outline, or DSFR's box-shadow ring).
async function focused(page) {
	return page.evaluate(() => {
		const el = document.activeElement;
		if (!el || el === document.body) return { name: '', visible: false };
		const label = el.labels && el.labels[0] ? el.labels[0].textContent : el.textContent;
		const style = getComputedStyle(el);
		const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
			style.boxShadow !== 'none';
		return { name: label.replace(/\s+/g, ' ').trim(), tag: el.tagName.toLowerCase(), type: el.type, visible };
	});
}

// Tab until the focus is on the element whose name starts with `name`.
async function tabTo(page, name, max = 60) {
	const seen = [];
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		const f = await focused(page);
		if (f.name.startsWith(name)) {
			expect(f.visible, `the focus on "${f.name}" is not visible`);
			return f;
		}
		seen.push(f.name.slice(0, 40));
	}
	throw new Error(`Tab never reaches "${name}" on ${page.url()}; stops: ${seen.join(' | ')}`);
}

async function enter(page, name) {
	await tabTo(page, name);
	await loads(page, `Enter on "${name}"`, () => page.keyboard.press('Enter'));
}

module.exports = async function clavier(run) {
	const year = freshYear();
	const caf = await run.person('caf-instructrice');
	await signIn(run, caf, ...INSTRUCTOR);
	await openCampaign(run, caf, { year, type: 'Prévisionnelle', facilities: [FACILITY] });

	const page = await run.person('president');
	await page.goto(BASE + '/');
	await expectPath(page, '/auth/connexion');
	await run.check(page, 'connexion');
	// The skip link is the first stop.
	await page.keyboard.press('Tab');
	const first = await focused(page);
	expect(first.name === 'Aller au contenu' && first.visible, `first Tab stop: "${first.name}"`);
	await tabTo(page, 'Votre adresse électronique');
	await page.keyboard.type(LEBRUN[0]);
	await tabTo(page, 'Votre mot de passe');
	await page.keyboard.type(LEBRUN[1]);
	// "Afficher" reveals the password with Space, and hides it again.
	await tabTo(page, 'Afficher');
	await page.keyboard.press('Space');
	expect(await page.locator('#f-password').getAttribute('type') === 'text', 'Space on "Afficher" does not show the password');
	await page.keyboard.press('Space');
	await enter(page, 'Valider');
	await expectPath(page, '/declarations/', 'after the keyboard login');
	await expectText(page, 'Bienvenue Jean-Marc LEBRUN');
	await run.check(page, 'accueil');

	// To the declaration, link by link.
	await enter(page, 'Déclarer mes données');
	await run.check(page, 'equipements');
	await enter(page, `Accéder à ${FACILITY}`);
	await run.check(page, 'equipement');
	await enter(page, `Accéder à la déclaration Prévisionnelle ${year}`);
	await expectPath(page, /\/activite$/, 'the first step of the rail');
	await run.check(page, 'saisie-activite');

	// Step 1, typed: each field reached with Tab, the checkboxes with Space.
	const values = [
		['Nombre de places agréées', '16'],
		["Nombre de jours d'ouverture dans l'année", '220'],
		["Amplitude d'ouverture quotidienne", '11'],
		["Nombre d'heures réalisées", '30 000'],
		["Nombre d'heures facturées", '31 500'],
		["Nombre d'enfants inscrits", '40'],
	];
	for (const [label, value] of values) {
		await tabTo(page, label);
		await page.keyboard.press('ControlOrMeta+A');
		await page.keyboard.type(value);
	}
	for (const label of ["L'établissement fournit les couches", "L'établissement fournit les repas"]) {
		const f = await tabTo(page, label);
		expect(f.type === 'checkbox', `"${label}" is not a checkbox`);
		if (!await page.evaluate(() => document.activeElement.checked)) await page.keyboard.press('Space');
		expect(await page.evaluate(() => document.activeElement.checked), `Space did not tick "${label}"`);
	}
	// Shift+Tab goes back: the last figure is still there.
	await page.keyboard.press('Shift+Tab');
	expect((await focused(page)).name.startsWith("L'établissement fournit les couches"), 'Shift+Tab does not go back');
	await enter(page, 'Enregistrer et passer au contrôle');
	await expectPath(page, /\/controle-activite$/, 'after step 1 by keyboard');
	await run.check(page, 'controle-activite');
	// What was typed is saved.
	await page.goBack();
	await page.reload();
	const saved = (await page.getByLabel(/^Nombre d'heures réalisées/).inputValue()).replace(/\s/g, ' ');
	expect(saved === '30 000,00', `hours performed after the keyboard entry: "${saved}"`);
};
