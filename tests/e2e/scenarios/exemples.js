// The seeds' three worked examples (seed 001, "Qui fait quoi ?"), built from
// nothing in the browser, and example 1 carried on to the statistics.
//
//   1. a municipality runs 3 EAJE: each director provides the activity data
//      of their facility, the financial officer the financial data of the
//      three, the deputy mayor approves the three;
//   2. another municipality, 3 EAJE: one administrative agent provides both
//      for the three, the service head approves;
//   3. an association, 1 EAJE: the president holds the three roles.
//
// The Caf administrator creates each partner, its convention and facilities,
// and designates the partner administrator; the partner administrator (a
// mailed temporary password, then their own) creates the users and grants
// their roles; nobody grants a role to themselves, so the Caf administrator
// grants the partner administrators theirs; the Caf's habilitation manager
// validates the approvers; the search of habilitations shows who holds what.
// Then, for example 1: the Caf instructor opens the actual declarations of a
// fresh year; the providers enter and control their data and signal "fin de
// saisie"; the approver unticks it once (the director edits again and
// signals it again), then transmits the three; the Caf rejects one and
// validates two; the approver reads the reason and corrects the rejected one
// himself; the Caf validates it; the Caf administrator publishes the year's
// averages; the director reads the facility's statistics against the
// department's mean.
'use strict';
const { freshYear } = require('../lib/portal');
const { openCampaign, openDeclaration: openDeclarationOf, goToStep } = require('../lib/rail');
const { escape, expect, pathOf, expectPath, expectText, follow, press, field, fill, choose, tick, signIn,
	firstSignIn } = require('../lib/browser');

// Demo accounts of the Caf des Yvelines (sql/demo/LOGINS.txt)
const CAF_ADMIN = ['sophie.marchand@example.fr', 'Grenade-vive31'];
const CAF_HAB_MANAGER = ['julien.rocher@example.fr', 'Cerisier-bleu52'];
const CAF_INSTRUCTOR = ['nadia.benali@example.fr', 'Pivoine-claire63'];

const ROLES = {
	activity: "Fournisseur de données d'activité",
	financial: 'Fournisseur de données financières',
	approver: 'Approbateur',
};
const tag = Date.now().toString(36).slice(-5).toUpperCase();
const YEAR = freshYear();
const person = (first, last, password) => ({
	first, last, password, name: `${last} ${first}`,
	email: `${first}.${last}.${tag}`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '') + '@example.org',
});
const eaje = (name, letter, places) => ({ name: `${name} ${tag}`, code: `EAJE-781-${tag}${letter}`, places });

// Example 1. Occupancy rate = hours performed / (places x days x daily
// hours): 77,48 %, 80,00 %, 70,00 %; the department's mean: 75,83 %.
const EX1 = (() => {
	const f = [eaje('Multi-accueil Les Écureuils', 'A', '16'), eaje('Crèche collective Les Colombes', 'B', '20'),
		eaje('Halte-garderie Les Lutins', 'C', '10')];
	f[0].director = person('Camille', 'DUVAL', 'Tilleul-clair51');
	f[0].activity = { places: '16', days: '220', hours: '11', performed: '30 000', invoiced: '31 500', children: '40' };
	f[0].occupancy = '77,48 %';
	f[1].director = person('Lucas', 'MERCIER', 'Peuplier-vif62');
	f[1].activity = { places: '20', days: '220', hours: '11', performed: '38 720', invoiced: '40 000', children: '52' };
	f[1].occupancy = '80,00 %';
	f[2].director = person('Inès', 'ROBIN', 'Erable-doux73');
	f[2].activity = { places: '10', days: '200', hours: '10', performed: '14 000', invoiced: '14 500', children: '25' };
	f[2].occupancy = '70,00 %';
	const finance = person('Paul', 'GIRARD', 'Sureau-franc38');
	const mayor = person('Martine', 'LEMAIRE', 'Aubepine-rose29');
	return {
		n: 1, type: 'Commune', partner: `Commune de Val-Fleuri ${tag}`, city: `Val-Fleuri ${tag}`, facilities: f,
		admin: person('Nathalie', 'ROUSSEAU', 'Glycine-douce47'), finance, mayor,
		users: [f[0].director, f[1].director, f[2].director, finance, mayor],
		byAdmin: [...f.map((x) => [x.director, ROLES.activity, [x]]), [finance, ROLES.financial, f], [mayor, ROLES.approver, f]],
		byCaf: [],
		holders: (x) => ({ [ROLES.activity]: x.director, [ROLES.financial]: finance, [ROLES.approver]: mayor }),
		meanOccupancy: '75,83 %',
	};
})();
// Example 2: the service head is the partner administrator.
const EX2 = (() => {
	const f = [eaje('Crèche Les Hirondeaux', 'D', '24'), eaje('Multi-accueil Arc-en-ciel', 'E', '30'),
		eaje('Halte-garderie Les Moussaillons', 'F', '12')];
	const head = person('Sylvie', 'MOREAU', 'Bruyere-fine84');
	const agent = person('Julien', 'FAURE', 'Saule-tendre95');
	return {
		n: 2, type: 'Commune', partner: `Commune de Bellerive ${tag}`, city: `Bellerive ${tag}`, facilities: f,
		admin: head, users: [agent],
		byAdmin: [[agent, ROLES.activity, f], [agent, ROLES.financial, f]],
		byCaf: [[head, ROLES.approver, f]],
		holders: () => ({ [ROLES.activity]: agent, [ROLES.financial]: agent, [ROLES.approver]: head }),
	};
})();
// Example 3: the president is the partner administrator and holds every role.
const EX3 = (() => {
	const f = [eaje('Crèche parentale Les Petits Chaperons', 'G', '16')];
	const president = person('Yves', 'LEGRAND', 'Noisetier-gai26');
	return {
		n: 3, type: 'Association loi 1901', partner: `Association Les Petits Chaperons ${tag}`, city: `Orgeval ${tag}`,
		facilities: f, admin: president, users: [],
		byAdmin: [],
		byCaf: [[president, ROLES.activity, f], [president, ROLES.financial, f], [president, ROLES.approver, f]],
		holders: () => ({ [ROLES.activity]: president, [ROLES.financial]: president, [ROLES.approver]: president }),
	};
})();
const EXAMPLES = [EX1, EX2, EX3];
const FINANCIAL = { 'Achats (60)': '40 000', 'Services extérieurs (61)': '30 000',
	'Charges de personnel (64)': '300 000', 'Participations familiales (70)': '50 000',
	'Prestation de service de la Caf': '150 000',
	"Subventions de la commune ou de l'intercommunalité": '170 000' };

const today = () => new Date().toLocaleDateString('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric' });
const text = async (locator) => (await locator.innerText()).replace(/\u00a0|\u202f/g, ' ');
const convention = (ex) => `Convention d'accès ${ex.partner}`;

// ---------------------------------------------------------------- habilitations
// The Caf administrator: partner, convention, facilities, partner administrator.
async function cafCreatesPartner(run, page, ex) {
	await follow(page, 'Gestion des habilitations');
	await run.check(page, 'habilitations-caf');
	await follow(page, 'Organismes partenaires');
	await run.check(page, 'organismes-partenaires');
	await choose(page, "Type d'organisme", ex.type);
	await fill(page, 'Nom', ex.partner);
	await fill(page, 'Code postal', '78990');
	await fill(page, 'Commune', ex.city);
	await press(page, "Créer l'organisme");
	await expectPath(page, '/habilitations/conventions/nouvelle', 'after the partner');
	await run.check(page, 'convention-nouvelle');
	await choose(page, 'Organisme partenaire', ex.partner);
	await fill(page, 'Libellé', convention(ex));
	await page.getByLabel(/^Validée le/).fill(today());
	await press(page, 'Créer la convention');
	await expectPath(page, /^\/habilitations\/convention\/\d+$/, 'after the convention');
	await run.check(page, 'convention');
	for (const f of ex.facilities) {
		await follow(page, 'Créer un équipement');
		await run.check(page, 'equipement-nouveau');
		await page.getByLabel(/^Code/).fill(f.code);
		await choose(page, "Type d'activité", 'EAJE');
		await choose(page, "Type d'accueil (EAJE)", ex.n === 3 ? 'Parental' : 'Collectif');
		await fill(page, 'Nom', f.name);
		await fill(page, 'Places agréées', f.places);
		await press(page, "Créer l'équipement");
		await expectPath(page, /^\/habilitations\/convention\/\d+$/, `after the facility ${f.name}`);
		await expectText(page, f.name);
	}
	await run.check(page, 'convention-equipements');
	await follow(page, "Désigner l'administrateur partenaire");
	await run.check(page, 'administrateur-partenaire');
	await fill(page, 'Nom', ex.admin.last);
	await fill(page, 'Prénom', ex.admin.first);
	await fill(page, 'Adresse mail', ex.admin.email);
	await press(page, 'Désigner');
	await expectText(page, ex.admin.last, 'the partner administrator in the users list');
	await run.check(page, 'utilisateurs-convention-caf');
}

// "Affecter un rôle à un utilisateur": one role on some facilities.
async function grant(run, page, ex, [who, role, facilities]) {
	await follow(page, 'Gestion des habilitations');
	await follow(page, 'Affecter un rôle à un utilisateur');
	await run.check(page, 'affecter');
	await choose(page, 'Pour le partenaire ...', ex.partner);
	// The users are offered as soon as the page opens: the partner's, or for
	// a Caf agent those of every partner of his Caf, grouped by partner.
	await choose(page, "Pour l'utilisateur ...", who.name);
	await choose(page, 'Au rôle de ...', role);
	await press(page, 'Afficher les activités');
	await run.check(page, 'affecter-activites');
	for (const f of facilities) await tick(page, f.name);
	await press(page, 'Enregistrer et quitter');
	expect(pathOf(page) === '/habilitations/recherche',
		`granting ${role} to ${who.name}: ${await page.locator('main').innerText()}`);
	await expectText(page, 'Les habilitations ont été créées avec succès.');
	await run.check(page, 'habilitations-creees');
}

// The partner administrator's first visit: the users, then their roles.
async function partnerCreatesUsers(run, ex) {
	const page = await firstSignIn(run, `administrateur-partenaire-${ex.n}`, ex.admin.email, ex.admin.password);
	ex.adminPage = page;
	await run.check(page, 'accueil-administrateur-partenaire');
	await follow(page, 'Gestion des habilitations');
	await run.check(page, 'habilitations-partenaire');
	await follow(page, 'Consulter les conventions');
	await run.check(page, 'conventions');
	await follow(page, `Utilisateurs de ${convention(ex)}`);
	await run.check(page, 'utilisateurs');
	for (const p of ex.users) {
		await follow(page, 'Créer un utilisateur');
		await run.check(page, 'utilisateur-nouveau');
		expect(await field(page, 'Nom').inputValue() === '', 'the new user form is not blank');
		await fill(page, 'Nom', p.last);
		await fill(page, 'Prénom', p.first);
		await page.getByLabel(/^Adresse mail/).fill(p.email);
		await fill(page, "Confirmer l'adresse mail", p.email);
		await press(page, 'Valider');
		await expectPath(page, /^\/habilitations\/utilisateur\/\d+$/, `after creating ${p.name}`);
		await expectText(page, `${p.first} ${p.last}`, 'the new user\'s page');
		p.login = (await text(page.locator('#identifiant'))).trim();
		expect(/^ENF078[0-9A-Z]{4}$/.test(p.login), `login of ${p.name}: "${p.login}"`);
		await run.check(page, 'utilisateur');
		await follow(page, 'Liste des utilisateurs');
	}
	for (const g of ex.byAdmin) await grant(run, page, ex, g);
	if (ex.byCaf.length) {
		// Nobody grants a role to themselves.
		const [, role, facilities] = ex.byCaf[0];
		await follow(page, 'Gestion des habilitations');
		await follow(page, 'Affecter un rôle à un utilisateur');
		await choose(page, 'Pour le partenaire ...', ex.partner);
		await choose(page, "Pour l'utilisateur ...", ex.admin.name);
		await choose(page, 'Au rôle de ...', role);
		await press(page, 'Afficher les activités');
		for (const f of facilities) await tick(page, f.name);
		await press(page, 'Enregistrer et quitter');
		await expectText(page, 'Vous ne pouvez pas vous attribuer un rôle vous-même.');
		await run.check(page, 'affecter-soi-meme-refuse');
	}
}

// The search of habilitations (seed 003, "Habilitations d'action sociale"):
// state "Actif" lists each role with its holder, the approver marked "*"
// ("En attente de validation par votre CAF") until the Caf validates; once
// validated, "Non attribué" lists none of the facilities.
async function checkRoles(run, ex, approverValidated) {
	const page = ex.adminPage;
	await follow(page, 'Gestion des habilitations');
	await follow(page, 'Administration des profils');
	await choose(page, 'Partenaire', ex.partner);
	await tick(page, 'Actif');
	await press(page, 'Rechercher');
	await run.check(page, approverValidated ? 'habilitations-actives' : 'habilitations-avant-validation');
	for (const f of ex.facilities) {
		const table = page.getByRole('table', { name: `Activité : ${f.name}` });
		expect(await table.count() === 1, `search "Actif": no table for ${f.name}`);
		const rows = await text(table);
		for (const [role, who] of Object.entries(ex.holders(f))) {
			const listed = new RegExp(`${role}\\s+${who.name}\\s+${today()}(\\*?)`).exec(rows);
			expect(listed, `search "Actif", ${f.name}: no ${role} ${who.name}` +
				`${role === ROLES.approver && !approverValidated ? ' (pending Caf validation, marked *)' : ''} in:\n${rows}`);
			if (role === ROLES.approver)
				expect((listed[1] === '*') === !approverValidated,
					`search "Actif", ${f.name}: the approver is ${listed[1] ? '' : 'not '}marked * (pending)`);
		}
	}
	if (!approverValidated) {
		await expectText(page, '(*) En attente de validation par votre CAF.');
		return;
	}
	await tick(page, 'Non attribué');
	await press(page, 'Rechercher');
	await run.check(page, 'habilitations-non-attribuees');
	const main = await text(page.locator('main'));
	for (const f of ex.facilities)
		expect(!main.includes(`Activité : ${f.name}`), `search "Non attribué" lists ${f.name}, whose roles are all held`);
}

async function cafValidatesApprovers(run) {
	const page = await run.person('caf-habilitations');
	await signIn(run, page, ...CAF_HAB_MANAGER);
	await follow(page, 'Gestion des habilitations');
	await follow(page, 'Approbateurs à valider');
	await run.check(page, 'approbateurs-a-valider');
	const all = EXAMPLES.flatMap((ex) => ex.facilities);
	for (const f of all) {
		await press(page, `Valider l'approbateur de ${f.name}`);
		await expectPath(page, '/habilitations/validations');
		await expectText(page, `L'approbateur de l'équipement/service ${f.name} est validé.`);
	}
	await run.check(page, 'approbateurs-valides');
	const pending = page.getByRole('table', { name: /^Habilitations en attente/ });
	const left = await pending.count() ? await text(pending) : '';
	for (const f of all) expect(!left.includes(f.name), `${f.name} still waits for validation`);
}

// ---------------------------------------------------------------- declarations (example 1)
async function openDeclaration(run, page, f, step) {
	f.declaration = await openDeclarationOf(run, page, f.name, 'Réelle', YEAR, step);
}

async function enterActivity(run, page, a) {
	await expectPath(page, /\/activite$/, 'activity step');
	await page.getByLabel(/^Nombre de places agréées/).fill(a.places);
	await page.getByLabel(/^Nombre de jours d'ouverture/).fill(a.days);
	await page.getByLabel(/^Amplitude d'ouverture quotidienne/).fill(a.hours);
	await page.getByLabel(/^Nombre d'heures réalisées/).fill(a.performed);
	await page.getByLabel(/^Nombre d'heures facturées/).fill(a.invoiced);
	await page.getByLabel(/^Nombre d'enfants inscrits/).fill(a.children);
	await run.check(page, 'saisie-activite');
	await press(page, 'Enregistrer et passer au contrôle');
}

async function enterFinancial(run, page) {
	await expectPath(page, /\/financier$/, 'financial step');
	for (const [label, value] of Object.entries(FINANCIAL))
		await page.getByLabel(new RegExp(`^${escape(label)}`)).fill(value);
	await run.check(page, 'saisie-financiere');
	await press(page, 'Enregistrer et passer au contrôle');
}

// A control step: every "Explication" filled, then on.
async function passControls(run, page, shot) {
	await expectPath(page, /\/controle-(activite|financier|global)$/, 'a control step');
	await run.check(page, shot);
	const explanations = page.getByLabel('Explication');
	for (let i = 0; i < await explanations.count(); i++)
		await explanations.nth(i).fill("Donnée vérifiée : l'écart s'explique par l'activité de l'exercice.");
	await press(page, "Enregistrer et passer à l'étape suivante");
}

async function endOfEntry(run, page, shot) {
	await press(page, 'Fin de saisie');
	await expectText(page, 'Fin de saisie signalée');
	await run.check(page, shot);
}

async function directorDeclares(run, f) {
	const page = f.director.page;
	await openDeclaration(run, page, f);
	await enterActivity(run, page, f.activity);
	await passControls(run, page, 'controle-activite');
	await expectPath(page, /\/controle-activite$/, 'an activity provider stays on the control step');
	await endOfEntry(run, page, 'fin-de-saisie-activite');
	// Locked: the director can read the data but no longer change it.
	await follow(page, 'Retour à l\'équipement');
	await follow(page, `Accéder à la déclaration Réelle ${YEAR}`);
	await run.check(page, 'saisie-verrouillee');
	await expectText(page, "demandez à l'approbateur", 'the locked activity step');
	expect(await page.getByRole('button', { name: 'Enregistrer', exact: true }).count() === 0,
		'the locked activity step still offers "Enregistrer"');
}

async function financeDeclares(run, page, f) {
	await openDeclaration(run, page, f, 3);
	await enterFinancial(run, page);
	await passControls(run, page, 'controle-financier');
	await expectPath(page, /\/controle-financier$/, 'a financial provider stays on the control step');
	await endOfEntry(run, page, 'fin-de-saisie-financier');
}

async function transmit(run, page) {
	await expectPath(page, /\/transmission$/, 'after the global control');
	await run.check(page, 'transmission');
	await expectText(page, 'Estimation du droit');
	await page.getByLabel(/^Commentaire/).fill('Déclaration complète, vérifiée avec les directrices et directeurs.');
	await tick(page, "J'atteste la conformité des informations déclarées.");
	await tick(page, "J'accepte les conditions générales");
	await press(page, 'Transmettre');
	await expectText(page, 'La déclaration a été transmise à la Caf.');
	await expectText(page, 'Transmis Caf');
	await run.check(page, 'transmise');
}

async function cafInstructs(run, page, facility, decision) {
	await follow(page, 'Accueil');
	await follow(page, 'Instruire les déclarations');
	await run.check(page, 'instruction');
	await follow(page, `Instruire la déclaration de ${facility.name}`);
	await run.check(page, 'instruction-declaration');
	if (decision === 'rejeter') {
		await page.getByLabel(/^Motif du rejet/).fill('Heures facturées supérieures aux heures réalisées : joignez le détail.');
		await press(page, 'Rejeter la déclaration');
	} else {
		expect(await page.getByLabel(/^Montant retenu/).inputValue() !== '', 'no estimated amount offered');
		await press(page, 'Valider la déclaration');
	}
	await expectPath(page, '/declarations/instruction', `after the decision on ${facility.name}`);
}

async function toFacility(page, f) {
	await follow(page, 'Accueil');
	await follow(page, 'Déclarer mes données');
	await follow(page, `Accéder à ${f.name}`);
}

async function declarations(run, caf) {
	const ex = EX1;
	const instructor = await run.person('caf-instructrice');
	await signIn(run, instructor, ...CAF_INSTRUCTOR);
	await openCampaign(run, instructor, { year: YEAR, type: 'Réelle', facilities: ex.facilities.map((f) => f.name) });

	for (const f of ex.facilities) {
		f.director.page = await firstSignIn(run, `directeur-${f.code.slice(-1)}`, f.director.email, f.director.password);
		await directorDeclares(run, f);
	}
	const finance = await firstSignIn(run, 'responsable-financier', ex.finance.email, ex.finance.password);
	for (const f of ex.facilities) await financeDeclares(run, finance, f);

	// The approver unticks the first facility's "fin de saisie" once: its
	// director edits again, and transmission waits until they signal it again.
	const mayor = await firstSignIn(run, 'approbatrice', ex.mayor.email, ex.mayor.password);
	const [first, ...others] = ex.facilities;
	await openDeclaration(run, mayor, first, 2);
	await run.check(mayor, 'controle-activite-approbatrice');
	await press(mayor, 'Décocher « Fin de saisie »');
	await run.check(mayor, 'fin-de-saisie-decochee');
	await follow(mayor, 'Retour à l\'équipement');
	await follow(mayor, `Accéder à la déclaration Réelle ${YEAR}`);
	await run.check(mayor, 'declaration-fin-de-saisie-decochee');
	const rail = mayor.getByRole('navigation', { name: 'Étapes de la déclaration' });
	expect(await rail.getByRole('link', { name: /^[56]\. / }).count() === 0,
		'after the untick, the rail still opens the global control or the transmission');
	const director = first.director.page;
	await openDeclaration(run, director, first);
	first.activity.invoiced = '31 000';
	await enterActivity(run, director, first.activity);
	await passControls(run, director, 'controle-activite');
	await endOfEntry(run, director, 'fin-de-saisie-a-nouveau');
	for (const f of ex.facilities) {
		await openDeclaration(run, mayor, f, 5);
		await passControls(run, mayor, 'controle-global');
		await transmit(run, mayor);
	}

	// The Caf rejects the first, validates the others.
	await cafInstructs(run, instructor, first, 'rejeter');
	for (const f of others) await cafInstructs(run, instructor, f, 'valider');

	// The approver reads the reason and corrects the declaration himself.
	await toFacility(mayor, first);
	await run.check(mayor, 'equipement-rejet');
	await follow(mayor, `Accéder à la déclaration Réelle ${YEAR}`);
	await expectText(mayor, 'Motif du rejet par la Caf');
	await expectText(mayor, 'Heures facturées supérieures aux heures réalisées');
	await run.check(mayor, 'declaration-rejetee');
	await follow(mayor, 'Retour à l\'équipement');
	await press(mayor, 'Corriger moi-même');
	await expectText(mayor, 'Version 2');
	await run.check(mayor, 'correction');
	first.activity.invoiced = '30 000';
	await enterActivity(run, mayor, first.activity);
	await passControls(run, mayor, 'controle-activite-correction');
	await expectPath(mayor, /\/financier$/, 'the approver goes on to the financial step');
	await press(mayor, 'Enregistrer et passer au contrôle');
	await passControls(run, mayor, 'controle-financier-correction');
	await expectPath(mayor, /\/controle-global$/, 'the approver goes on to the global control');
	await passControls(run, mayor, 'controle-global-correction');
	await transmit(run, mayor);
	await cafInstructs(run, instructor, first, 'valider');
	await toFacility(director, first);
	await expectText(director, 'Validée Caf');
	await run.check(director, 'equipement-valide');

	// The averages of the year are published; the director compares.
	await follow(caf, 'Consulter les statistiques');
	await run.check(caf, 'statistiques-caf');
	await follow(caf, "Publier les moyennes d'un exercice");
	await run.check(caf, 'publier');
	await press(caf, `Publier l'exercice ${YEAR}`);
	await expectText(caf, `Les moyennes de l'exercice ${YEAR} sont publiées`);
	await run.check(caf, 'publiees');

	await follow(director, 'Consulter les statistiques');
	await run.check(director, 'statistiques');
	await choose(director, 'Exercice', String(YEAR));
	await press(director, 'Rechercher');
	await follow(director, `Statistiques de ${first.name}`);
	await run.check(director, 'statistiques-equipement');
	const row = await text(director.getByRole('row', { name: /^Taux d'occupation réel/ }).first());
	expect(row.includes(first.occupancy), `occupancy of ${first.name}: ${first.occupancy} not in "${row}"`);
	expect(row.includes(ex.meanOccupancy), `department mean ${ex.meanOccupancy} not in "${row}"`);
	await follow(director, 'Données financières');
	await run.check(director, 'statistiques-financieres');
	expect(pathOf(director).startsWith('/statistiques/equipement/'), 'financial tab');
}

// ---------------------------------------------------------------- the scenario
module.exports = async function exemples(run) {
	const caf = await run.person('caf-administratrice');
	await signIn(run, caf, ...CAF_ADMIN);
	await run.check(caf, 'accueil-caf');
	for (const ex of EXAMPLES) await cafCreatesPartner(run, caf, ex);
	for (const ex of EXAMPLES) await partnerCreatesUsers(run, ex);
	for (const ex of EXAMPLES) for (const g of ex.byCaf) await grant(run, caf, ex, g);
	await run.soft('example 1, roles before the Caf validates the approver', () => checkRoles(run, EX1, false));
	await cafValidatesApprovers(run);
	for (const ex of EXAMPLES)
		await run.soft(`example ${ex.n}, roles once the approver is validated`, () => checkRoles(run, ex, true));
	await declarations(run, caf);
};
