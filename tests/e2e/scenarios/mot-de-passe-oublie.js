// Forgotten password (seed 002, password annex): from the login page, the
// e-mail and the CAPTCHA (its text read from the instance's test hook, the
// way a person reads the image); the mail with a temporary password; signing
// in with it leads straight to the forced change; afterwards only the new
// password works.
'use strict';
const { BASE, mailsFor, waitForMail, temporaryPassword } = require('../lib/portal');
const { newCafAgent } = require('../lib/accounts');
const { expect, pathOf, expectPath, expectText, follow, press, signIn, changePassword } = require('../lib/browser');

module.exports = async function motDePasseOublie(run) {
	const email = newCafAgent('Tilleul-vert42');
	const page = await run.person('agent');
	await page.goto(BASE + '/');
	await run.check(page, 'connexion');
	await follow(page, 'Mot de passe oublié ?');
	await expectPath(page, '/auth/mot-de-passe-oublie');
	await run.check(page, 'mot-de-passe-oublie');
	expect(await page.locator('img[src*="captcha"]').count() === 1, 'no CAPTCHA image');
	// A wrong answer first: refused, the e-mail kept, nothing sent.
	const before = mailsFor(email).length;
	await page.getByLabel(/^Adresse électronique/).fill(email);
	await page.getByLabel(/^Saisissez le texte ci-dessus/).fill('zzzzzz');
	await press(page, 'Valider');
	await run.check(page, 'captcha-errone');
	expect(await page.getByLabel(/^Adresse électronique/).inputValue() === email, 'the e-mail was not kept');
	// The right answer, as the test hook of this instance gives it.
	const hook = await page.context().request.get(BASE + '/auth/captcha-test-answer');
	expect(hook.ok(), `CAPTCHA test hook: HTTP ${hook.status()} (test_hooks off?)`);
	await page.getByLabel(/^Saisissez le texte ci-dessus/).fill((await hook.text()).trim());
	await press(page, 'Valider');
	await run.check(page, 'demande-envoyee');
	expect(pathOf(page) !== '/auth/mot-de-passe-oublie' || !(await page.locator('.fr-error-text').count()),
		'the reset request was refused');
	const mail = await waitForMail(email, before + 1);
	const temp = temporaryPassword(mail);
	expect(mailsFor(email).length === before + 1, 'more than one mail sent');

	// The temporary password signs in and forces the change at once.
	await signIn(run, page, email, temp, 'connexion-provisoire');
	await expectPath(page, '/auth/mot-de-passe', 'after signing in with the temporary password');
	await page.goto(BASE + '/declarations/');
	await expectPath(page, '/auth/mot-de-passe', 'every page leads to the change until it is done');
	await changePassword(run, page, temp, 'Bouleau-neuf73');
	await expectText(page, 'Bienvenue');
	await run.check(page, 'accueil');

	// A new window: the temporary password is spent, the new one works.
	const again = await run.person('agent-2');
	await again.goto(BASE + '/auth/connexion');
	await again.getByLabel(/^Votre adresse électronique/).fill(email);
	await again.getByLabel(/^Votre mot de passe/).fill(temp);
	await press(again, 'Valider');
	await expectPath(again, '/auth/connexion', 'the spent temporary password');
	await run.check(again, 'provisoire-refuse');
	await signIn(run, again, email, 'Bouleau-neuf73');
	await expectPath(again, '/declarations/', 'the new password');
};
