<?xml version="1.0" encoding="UTF-8"?>
<!--
  The page frame of Portail partenaires, in the look of the DSFR (the French
  State design system, served by nginx under /static/dsfr/).

  A view is xslt/MODULE/VIEW.xsl:
    <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
      <xsl:import href="../layout.xsl"/>
      <xsl:template name="title">Connexion</xsl:template>
      <xsl:template name="content">
        <h1>Connexion au portail</h1>
        <xsl:call-template name="form-errors"/>
        ...
      </xsl:template>
    </xsl:stylesheet>

  - title   : the view's title, text only; the <title> becomes
              "<title> — Portail partenaires" (just the portal name if empty).
  - content : the page body inside <main id="contenu">, in a fr-container.
              It holds the page's only h1. The frame already shows /page/flash
              and /page/notice above it.
  - wide    : optional; define it to return 'yes' when the view needs the full
              width (no fr-col-lg-10 column), e.g. a large table.
  Every helper of forms.xsl (fields, csrf, error summary, table, breadcrumb,
  date) is included here: see the comment at the top of xslt/forms.xsl.

  Rules: no inline style and no inline script (the Content-Security-Policy
  forbids both); never switch output escaping off.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

	<xsl:include href="forms.xsl"/>

	<xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="no"/>

	<!-- The Caf that runs this portal, for the footer; a deployment may pass
	     another one as a stylesheet parameter. -->
	<xsl:param name="caf-name" select="'Caf des Yvelines'"/>

	<xsl:variable name="portal-name" select="'Portail partenaires'"/>
	<xsl:variable name="dsfr" select="'/static/dsfr'"/>

	<!-- Views override these two. -->
	<xsl:template name="title"/>
	<xsl:template name="content">
		<h1>Portail partenaires</h1>
	</xsl:template>
	<xsl:template name="wide"/>

	<xsl:template match="/">
		<xsl:variable name="view-title-rtf"><xsl:call-template name="title"/></xsl:variable>
		<xsl:variable name="view-title" select="normalize-space($view-title-rtf)"/>
		<html lang="fr" data-fr-scheme="system">
			<head>
				<!-- The html output method writes the charset meta itself. -->
				<meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no"/>
				<meta name="format-detection" content="telephone=no"/>
				<meta name="theme-color" content="#000091"/>
				<title>
					<xsl:if test="$view-title != ''">
						<xsl:value-of select="$view-title"/>
						<xsl:text> — </xsl:text>
					</xsl:if>
					<xsl:value-of select="$portal-name"/>
				</title>
				<link rel="stylesheet" href="{$dsfr}/dsfr.min.css"/>
				<link rel="stylesheet" href="{$dsfr}/utility/icons/icons.min.css"/>
				<link rel="apple-touch-icon" href="{$dsfr}/favicon/apple-touch-icon.png"/>
				<link rel="icon" href="{$dsfr}/favicon/favicon.svg" type="image/svg+xml"/>
				<link rel="shortcut icon" href="{$dsfr}/favicon/favicon.ico" type="image/x-icon"/>
				<link rel="manifest" href="{$dsfr}/favicon/manifest.webmanifest" crossorigin="use-credentials"/>
			</head>
			<body>
				<xsl:call-template name="skiplinks"/>
				<xsl:call-template name="header"/>
				<main id="contenu" role="main" tabindex="-1">
					<div class="fr-container fr-my-6w">
						<xsl:variable name="wide"><xsl:call-template name="wide"/></xsl:variable>
						<div class="fr-grid-row fr-grid-row--center">
							<div class="fr-col-12{substring(' fr-col-lg-10', 1, 99 * (string($wide) != 'yes'))}">
								<xsl:apply-templates select="/page/flash"/>
								<xsl:apply-templates select="/page/notice"/>
								<xsl:call-template name="content"/>
							</div>
						</div>
					</div>
				</main>
				<xsl:call-template name="footer"/>
				<script type="module" src="{$dsfr}/dsfr.module.min.js"></script>
			</body>
		</html>
	</xsl:template>

	<xsl:template name="skiplinks">
		<div class="fr-skiplinks">
			<nav role="navigation" aria-label="Accès rapide" class="fr-container">
				<ul class="fr-skiplinks__list">
					<li><a class="fr-link" href="#contenu">Aller au contenu</a></li>
					<xsl:if test="/page/menu/item">
						<li><a class="fr-link" href="#navigation">Menu</a></li>
					</xsl:if>
					<li><a class="fr-link" href="#pied-de-page">Pied de page</a></li>
				</ul>
			</nav>
		</div>
	</xsl:template>

	<xsl:template name="header">
		<header role="banner" class="fr-header">
			<div class="fr-header__body">
				<div class="fr-container">
					<div class="fr-header__body-row">
						<div class="fr-header__brand fr-enlarge-link">
							<div class="fr-header__brand-top">
								<div class="fr-header__logo">
									<p class="fr-logo">République<br/>française</p>
								</div>
								<div class="fr-header__navbar">
									<button class="fr-btn--menu fr-btn" type="button" data-fr-opened="false" aria-controls="menu-principal" id="bouton-menu" title="Menu">Menu</button>
								</div>
							</div>
							<div class="fr-header__service">
								<a href="/" title="Accueil — {$portal-name}">
									<p class="fr-header__service-title"><xsl:value-of select="$portal-name"/></p>
								</a>
								<p class="fr-header__service-tagline">Caf — déclarations et habilitations</p>
							</div>
						</div>
						<div class="fr-header__tools">
							<div class="fr-header__tools-links">
								<xsl:call-template name="header-tools"/>
							</div>
						</div>
					</div>
				</div>
			</div>
			<div class="fr-header__menu fr-modal" id="menu-principal" aria-labelledby="bouton-menu">
				<div class="fr-container">
					<button class="fr-btn--close fr-btn" type="button" aria-controls="menu-principal" title="Fermer">Fermer</button>
					<div class="fr-header__menu-links"></div>
					<xsl:if test="/page/menu/item">
						<nav class="fr-nav" id="navigation" role="navigation" aria-label="Menu principal">
							<ul class="fr-nav__list">
								<xsl:apply-templates select="/page/menu/item"/>
							</ul>
						</nav>
					</xsl:if>
				</div>
			</div>
		</header>
	</xsl:template>

	<!-- Who is signed in, and the way out (or in). The DSFR script copies
	     these links into the mobile menu. -->
	<xsl:template name="header-tools">
		<ul class="fr-btns-group">
			<xsl:choose>
				<xsl:when test="/page/user">
					<xsl:variable name="who" select="normalize-space(concat(/page/user/@first-name, ' ', /page/user/@last-name))"/>
					<li>
						<a class="fr-btn fr-icon-account-circle-line" href="/auth/mot-de-passe" title="{$who} — changer mon mot de passe">
							<xsl:value-of select="$who"/>
						</a>
					</li>
					<li>
						<a class="fr-btn fr-icon-logout-box-r-line" href="/auth/deconnexion">Se déconnecter</a>
					</li>
				</xsl:when>
				<xsl:when test="/page/@path != '/auth/connexion'">
					<li>
						<a class="fr-btn fr-icon-lock-line" href="/auth/connexion">Se connecter</a>
					</li>
				</xsl:when>
			</xsl:choose>
		</ul>
	</xsl:template>

	<xsl:template match="menu/item">
		<li class="fr-nav__item">
			<a class="fr-nav__link" href="{@href}">
				<xsl:if test="@current = '1'">
					<xsl:attribute name="aria-current">page</xsl:attribute>
				</xsl:if>
				<xsl:value-of select="."/>
			</a>
		</li>
	</xsl:template>

	<!-- A one-time message left by the previous POST (post/redirect/get). -->
	<xsl:template match="flash">
		<xsl:variable name="kind">
			<xsl:choose>
				<xsl:when test="@kind = 'success' or @kind = 'info' or @kind = 'warning' or @kind = 'error'">
					<xsl:value-of select="@kind"/>
				</xsl:when>
				<xsl:otherwise>info</xsl:otherwise>
			</xsl:choose>
		</xsl:variable>
		<div class="fr-alert fr-alert--{$kind} fr-alert--sm fr-mb-4w">
			<xsl:if test="$kind = 'error'">
				<xsl:attribute name="role">alert</xsl:attribute>
			</xsl:if>
			<p><xsl:value-of select="."/></p>
		</div>
	</xsl:template>

	<xsl:template match="notice[@kind = 'session-expired']">
		<div class="fr-alert fr-alert--info fr-mb-4w">
			<h2 class="fr-alert__title">Votre session a expiré</h2>
			<p>Pour protéger vos données, vous avez été déconnecté après une période d’inactivité. Connectez-vous à nouveau pour reprendre là où vous en étiez.</p>
		</div>
	</xsl:template>

	<!-- A notice of another kind is shown only when it carries its text. -->
	<xsl:template match="notice">
		<xsl:if test="normalize-space(.) != ''">
			<div class="fr-alert fr-alert--info fr-alert--sm fr-mb-4w">
				<p><xsl:value-of select="."/></p>
			</div>
		</xsl:if>
	</xsl:template>

	<xsl:template name="footer">
		<footer class="fr-footer" role="contentinfo" id="pied-de-page">
			<div class="fr-container">
				<div class="fr-footer__body">
					<div class="fr-footer__brand fr-enlarge-link">
						<a href="/" title="Retour à l’accueil du site — {$portal-name}">
							<p class="fr-logo">République<br/>française</p>
						</a>
					</div>
					<div class="fr-footer__content">
						<p class="fr-footer__content-desc">
							<xsl:value-of select="$portal-name"/>
							<xsl:text> de la </xsl:text>
							<xsl:value-of select="$caf-name"/>
							<xsl:text> : les gestionnaires d’équipements d’accueil (crèches, accueils de loisirs, relais petite enfance) y déclarent leurs données d’activité et financières, gèrent les habilitations de leurs collaborateurs et consultent leurs statistiques.</xsl:text>
						</p>
						<ul class="fr-footer__content-list">
							<li class="fr-footer__content-item">
								<a class="fr-footer__content-link" href="https://www.caf.fr" target="_blank" rel="noopener external" title="caf.fr — nouvelle fenêtre">caf.fr</a>
							</li>
							<li class="fr-footer__content-item">
								<a class="fr-footer__content-link" href="https://www.service-public.fr" target="_blank" rel="noopener external" title="service-public.fr — nouvelle fenêtre">service-public.fr</a>
							</li>
							<li class="fr-footer__content-item">
								<a class="fr-footer__content-link" href="https://www.legifrance.gouv.fr" target="_blank" rel="noopener external" title="legifrance.gouv.fr — nouvelle fenêtre">legifrance.gouv.fr</a>
							</li>
						</ul>
					</div>
				</div>
				<div class="fr-footer__bottom">
					<ul class="fr-footer__bottom-list">
						<li class="fr-footer__bottom-item">
							<a class="fr-footer__bottom-link" href="/auth/mentions-legales#accessibilite">Accessibilité : non conforme</a>
						</li>
						<li class="fr-footer__bottom-item">
							<a class="fr-footer__bottom-link" href="/auth/mentions-legales">Mentions légales</a>
						</li>
						<li class="fr-footer__bottom-item">
							<a class="fr-footer__bottom-link" href="/auth/mentions-legales#donnees-personnelles">Données personnelles</a>
						</li>
					</ul>
					<div class="fr-footer__bottom-copy">
						<p>
							<xsl:value-of select="$caf-name"/>
							<xsl:text> — </xsl:text>
							<xsl:value-of select="$portal-name"/>
							<xsl:text>, logiciel libre.</xsl:text>
						</p>
					</div>
				</div>
			</div>
		</footer>
	</xsl:template>

</xsl:stylesheet>
