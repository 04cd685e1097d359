<?xml version="1.0" encoding="UTF-8"?>
<!-- Test view using every helper of forms.xsl, for a signed-in user. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
	<xsl:import href="../../../../xslt/layout.xsl"/>

	<xsl:template name="title">Modifier l’équipement <xsl:value-of select="/page/facility/@name"/></xsl:template>

	<xsl:template name="content">
		<xsl:call-template name="breadcrumb">
			<xsl:with-param name="links">
				<xsl:call-template name="breadcrumb-link">
					<xsl:with-param name="href" select="'/declarations/'"/>
					<xsl:with-param name="label">Accueil</xsl:with-param>
				</xsl:call-template>
				<xsl:call-template name="breadcrumb-link">
					<xsl:with-param name="href" select="'/declarations/equipements'"/>
					<xsl:with-param name="label">Mes équipements</xsl:with-param>
				</xsl:call-template>
			</xsl:with-param>
			<xsl:with-param name="current"><xsl:value-of select="/page/facility/@name"/></xsl:with-param>
		</xsl:call-template>
		<h1>Modifier l’équipement <xsl:value-of select="/page/facility/@name"/></h1>
		<xsl:call-template name="form-errors"/>
		<form method="post" action="/declarations/equipements/{/page/facility/@id}">
			<xsl:call-template name="csrf"/>
			<xsl:call-template name="required-legend"/>
			<xsl:call-template name="field-text">
				<xsl:with-param name="name" select="'nom'"/>
				<xsl:with-param name="label">Nom de l’équipement</xsl:with-param>
				<xsl:with-param name="required" select="true()"/>
				<xsl:with-param name="default" select="/page/facility/@name"/>
				<xsl:with-param name="maxlength" select="120"/>
			</xsl:call-template>
			<xsl:call-template name="field-text">
				<xsl:with-param name="name" select="'courriel'"/>
				<xsl:with-param name="label">Adresse électronique du gestionnaire</xsl:with-param>
				<xsl:with-param name="hint">Format attendu : nom@domaine.fr</xsl:with-param>
				<xsl:with-param name="type" select="'email'"/>
				<xsl:with-param name="autocomplete" select="'email'"/>
				<xsl:with-param name="default" select="/page/facility/@email"/>
			</xsl:call-template>
			<xsl:call-template name="field-text">
				<xsl:with-param name="name" select="'heures'"/>
				<xsl:with-param name="label">Heures facturées</xsl:with-param>
				<xsl:with-param name="hint">En heures, par exemple 1 234,5</xsl:with-param>
				<xsl:with-param name="inputmode" select="'decimal'"/>
				<xsl:with-param name="required" select="true()"/>
			</xsl:call-template>
			<xsl:call-template name="field-select">
				<xsl:with-param name="name" select="'nature'"/>
				<xsl:with-param name="label">Nature de l’équipement</xsl:with-param>
				<xsl:with-param name="required" select="true()"/>
				<xsl:with-param name="options" select="/page/natures/nature"/>
				<xsl:with-param name="default" select="/page/facility/@nature"/>
			</xsl:call-template>
			<xsl:call-template name="field-radios">
				<xsl:with-param name="name" select="'gestion'"/>
				<xsl:with-param name="legend">Mode de gestion</xsl:with-param>
				<xsl:with-param name="options" select="/page/modes/mode"/>
				<xsl:with-param name="default" select="/page/facility/@mode"/>
				<xsl:with-param name="inline" select="true()"/>
			</xsl:call-template>
			<xsl:call-template name="field-textarea">
				<xsl:with-param name="name" select="'explication'"/>
				<xsl:with-param name="label">Explication de l’écart</xsl:with-param>
				<xsl:with-param name="maxlength" select="2000"/>
			</xsl:call-template>
			<xsl:call-template name="field-checkbox">
				<xsl:with-param name="name" select="'fin_de_saisie'"/>
				<xsl:with-param name="label">Fin de saisie</xsl:with-param>
				<xsl:with-param name="hint">Les données de cette section sont complètes.</xsl:with-param>
			</xsl:call-template>
			<xsl:call-template name="field-password">
				<xsl:with-param name="name" select="'mot_de_passe'"/>
				<xsl:with-param name="label">Confirmez avec votre mot de passe</xsl:with-param>
				<xsl:with-param name="required" select="true()"/>
			</xsl:call-template>
			<ul class="fr-btns-group fr-btns-group--inline-md">
				<li><button class="fr-btn" type="submit">Enregistrer</button></li>
				<li><a class="fr-btn fr-btn--secondary" href="/declarations/equipements">Annuler</a></li>
			</ul>
		</form>
		<xsl:call-template name="data-table">
			<xsl:with-param name="id" select="'historique'"/>
			<xsl:with-param name="caption">Déclarations de l’équipement</xsl:with-param>
			<xsl:with-param name="bordered" select="true()"/>
			<xsl:with-param name="head">
				<th scope="col">Exercice</th>
				<th scope="col">Type</th>
				<th scope="col">Transmise le</th>
			</xsl:with-param>
			<xsl:with-param name="rows">
				<xsl:for-each select="/page/declarations/declaration">
					<tr>
						<td><xsl:value-of select="@year"/></td>
						<td><xsl:value-of select="@type"/></td>
						<td>
							<xsl:call-template name="date-fr">
								<xsl:with-param name="date" select="@sent-on"/>
							</xsl:call-template>
						</td>
					</tr>
				</xsl:for-each>
			</xsl:with-param>
		</xsl:call-template>
	</xsl:template>
</xsl:stylesheet>
