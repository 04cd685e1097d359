// Day 46 (seed 002, password annex: a password is valid 45 days): with the
// portal's clock moved 46 days on, signing in leads to the forced change,
// every other page leads back to it, and once changed the portal opens.
'use strict';
const { BASE, setClockOffset } = require('../lib/portal');
const { newCafAgent } = require('../lib/accounts');
const { expectPath, expectText, follow, press, signIn, changePassword } = require('../lib/browser');

const DAY = 86400;

module.exports = async function jour46(run) {
	const email = newCafAgent('Tilleul-vert42');
	// Day 45: still valid (a reminder may show).
	await setClockOffset(45 * DAY - 3600);
	const day45 = await run.person('agent-jour-45');
	await signIn(run, day45, email, 'Tilleul-vert42');
	await expectPath(day45, '/declarations/', 'day 45');
	await run.check(day45, 'accueil-jour-45');

	await setClockOffset(46 * DAY);
	const page = await run.person('agent-jour-46');
	await signIn(run, page, email, 'Tilleul-vert42');
	await expectPath(page, '/auth/mot-de-passe', 'day 46 sign-in');
	await run.check(page, 'changement-impose');
	await page.goto(BASE + '/statistiques/');
	await expectPath(page, '/auth/mot-de-passe', 'day 46, another page');
	// The same password again is refused (not one of the last three).
	await page.getByLabel(/^Mot de passe actuel/).fill('Tilleul-vert42');
	await page.getByLabel(/^Nouveau mot de passe/).fill('Tilleul-vert42');
	await page.getByLabel(/^Confirmation mot de passe/).fill('Tilleul-vert42');
	await press(page, 'Valider');
	await expectPath(page, '/auth/mot-de-passe', 'the same password again');
	await run.check(page, 'meme-mot-de-passe-refuse');
	await changePassword(run, page, 'Tilleul-vert42', 'Platane-sec58');
	await expectText(page, 'Bienvenue');
	await follow(page, 'Gestion des habilitations');
	await expectPath(page, '/habilitations/', 'after the change');
	await run.check(page, 'habilitations');
};
