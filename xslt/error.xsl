<?xml version="1.0" encoding="UTF-8"?>
<!--
  French error pages, in the DSFR error-page pattern.
  Input: <page …><error status="404"/></page>, with or without user and menu.
  Optional: <error status="403" reason="csrf"/> for a refused form token, and
  a text content (<error status="404">Cet équipement n'existe pas.</error>)
  shown as an extra sentence; the C code decides what may be said there.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

	<xsl:import href="layout.xsl"/>

	<xsl:variable name="status" select="string(/page/error/@status)"/>
	<xsl:variable name="csrf" select="/page/error/@reason = 'csrf'"/>

	<xsl:template name="title">
		<xsl:call-template name="error-title"/>
	</xsl:template>

	<xsl:template name="error-title">
		<xsl:choose>
			<xsl:when test="$status = '400'">Requête invalide</xsl:when>
			<xsl:when test="$status = '403' and $csrf">Formulaire expiré</xsl:when>
			<xsl:when test="$status = '403'">Accès refusé</xsl:when>
			<xsl:when test="$status = '404'">Page non trouvée</xsl:when>
			<xsl:when test="$status = '405'">Action non autorisée</xsl:when>
			<xsl:when test="$status = '409'">Données modifiées entre-temps</xsl:when>
			<xsl:when test="$status = '413'">Envoi trop volumineux</xsl:when>
			<xsl:when test="$status = '415'">Format non pris en charge</xsl:when>
			<xsl:when test="$status = '429'">Trop de tentatives</xsl:when>
			<xsl:when test="$status = '503'">Service momentanément indisponible</xsl:when>
			<xsl:otherwise>Erreur inattendue</xsl:otherwise>
		</xsl:choose>
	</xsl:template>

	<!-- The first sentence: what happened. -->
	<xsl:template name="error-lead">
		<xsl:choose>
			<xsl:when test="$status = '400'">La demande envoyée au portail n’a pas pu être comprise.</xsl:when>
			<xsl:when test="$status = '403' and $csrf">Le formulaire a expiré ou n’a pas été envoyé depuis le portail. Rechargez la page et recommencez.</xsl:when>
			<xsl:when test="$status = '403'">Vous n’avez pas les droits nécessaires pour accéder à cette page.</xsl:when>
			<xsl:when test="$status = '404'">La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.</xsl:when>
			<xsl:when test="$status = '405'">Cette adresse ne peut pas être utilisée de cette façon.</xsl:when>
			<xsl:when test="$status = '409'">Ces données ont été modifiées entre-temps, dans un autre onglet ou par une autre personne : votre envoi n’a pas été enregistré.</xsl:when>
			<xsl:when test="$status = '413'">Les données ou le fichier envoyés dépassent la taille autorisée.</xsl:when>
			<xsl:when test="$status = '415'">Le format des données envoyées n’est pas accepté par le portail.</xsl:when>
			<xsl:when test="$status = '429'">Vous avez fait trop de tentatives en peu de temps.</xsl:when>
			<xsl:when test="$status = '503'">Le portail est momentanément indisponible : réessayez dans quelques instants.</xsl:when>
			<xsl:otherwise>Une erreur inattendue s’est produite. Excusez-nous pour la gêne occasionnée.</xsl:otherwise>
		</xsl:choose>
	</xsl:template>

	<!-- The second: what to do now. -->
	<xsl:template name="error-advice">
		<xsl:choose>
			<xsl:when test="$status = '400'">Vérifiez l’adresse saisie dans le navigateur, ou revenez à la page précédente et recommencez.</xsl:when>
			<xsl:when test="$status = '403' and $csrf">Pour votre sécurité, un formulaire n’est accepté que s’il a été affiché par le portail pendant votre session. Les données que vous venez d’envoyer n’ont pas été enregistrées.</xsl:when>
			<xsl:when test="$status = '403'">Si vous veniez d’envoyer un formulaire, il a peut-être expiré ou n’a pas été envoyé depuis le portail : rechargez la page et recommencez. Si vous pensez devoir accéder à cette page, demandez l’habilitation à l’administrateur de votre organisme.</xsl:when>
			<xsl:when test="$status = '404'">Si vous avez tapé l’adresse dans le navigateur, vérifiez qu’elle est correcte. La page n’est peut-être plus disponible : pour continuer, revenez à la page d’accueil.</xsl:when>
			<xsl:when test="$status = '405'">Revenez à la page précédente et utilisez les boutons du portail.</xsl:when>
			<xsl:when test="$status = '409'">Rechargez la page pour voir la version à jour, puis recommencez votre saisie.</xsl:when>
			<xsl:when test="$status = '413'">Réduisez la taille de votre envoi, puis recommencez.</xsl:when>
			<xsl:when test="$status = '415'">Revenez à la page précédente et envoyez le formulaire depuis le portail.</xsl:when>
			<xsl:when test="$status = '429'">Patientez quelques minutes avant de réessayer.</xsl:when>
			<xsl:when test="$status = '503'">Le service sera rétabli au plus vite. Les données déjà enregistrées sont conservées.</xsl:when>
			<xsl:otherwise>Réessayez dans quelques instants. Si le problème persiste, contactez votre Caf.</xsl:otherwise>
		</xsl:choose>
	</xsl:template>

	<xsl:template name="error-picture">
		<xsl:choose>
			<xsl:when test="$status = '503'">connection-lost</xsl:when>
			<xsl:when test="$status = '404'">technical-error</xsl:when>
			<xsl:when test="$status = '403' or $status = '429'">padlock</xsl:when>
			<xsl:otherwise>technical-error</xsl:otherwise>
		</xsl:choose>
	</xsl:template>

	<xsl:template name="content">
		<xsl:variable name="picture-name"><xsl:call-template name="error-picture"/></xsl:variable>
		<xsl:variable name="picture" select="concat($dsfr, '/artwork/pictograms/system/', $picture-name, '.svg')"/>
		<xsl:variable name="ovoid" select="concat($dsfr, '/artwork/background/ovoid.svg')"/>
		<div class="fr-my-4w fr-mt-md-8w fr-mb-md-8w fr-grid-row fr-grid-row--gutters fr-grid-row--middle fr-grid-row--center">
			<div class="fr-py-0 fr-col-12 fr-col-md-7">
				<h1><xsl:call-template name="error-title"/></h1>
				<xsl:if test="$status != ''">
					<p class="fr-text--sm fr-mb-3w">Erreur <xsl:value-of select="$status"/></p>
				</xsl:if>
				<p class="fr-text--lead fr-mb-3w"><xsl:call-template name="error-lead"/></p>
				<xsl:if test="normalize-space(/page/error) != ''">
					<p class="fr-mb-3w"><xsl:value-of select="normalize-space(/page/error)"/></p>
				</xsl:if>
				<p class="fr-text--sm fr-mb-5w"><xsl:call-template name="error-advice"/></p>
				<ul class="fr-btns-group fr-btns-group--inline-md">
					<li><a class="fr-btn" href="/">Page d’accueil</a></li>
					<xsl:if test="not(/page/user) and ($status = '403' or $status = '404')">
						<li><a class="fr-btn fr-btn--secondary" href="/auth/connexion">Se connecter</a></li>
					</xsl:if>
				</ul>
			</div>
			<div class="fr-col-12 fr-col-md-3 fr-col-offset-md-1 fr-px-6w fr-px-md-0 fr-py-0">
				<svg class="fr-responsive-img fr-artwork" aria-hidden="true" focusable="false" width="160" height="200" viewBox="0 0 160 200">
					<use class="fr-artwork-motif" href="{$ovoid}#artwork-motif"></use>
					<use class="fr-artwork-background" href="{$ovoid}#artwork-background"></use>
					<g transform="translate(40, 60)">
						<use class="fr-artwork-decorative" href="{$picture}#artwork-decorative"></use>
						<use class="fr-artwork-minor" href="{$picture}#artwork-minor"></use>
						<use class="fr-artwork-major" href="{$picture}#artwork-major"></use>
					</g>
				</svg>
			</div>
		</div>
	</xsl:template>

</xsl:stylesheet>
