<?xml version="1.0" encoding="UTF-8"?>
<!--
  Reusable pieces for views, in the DSFR markup (included by layout.xsl, so a
  view that imports ../layout.xsl can call every template below).

  Conventions shared by every field template
  - name      the form field name (required). The input's id is 'f-' + name
              unless you pass id; the error summary links to '#f-' + field,
              so keep the default id on fields that can carry an error.
  - label     the visible label (a string or markup: <xsl:with-param name="label">…</xsl:with-param>).
  - hint      optional help text shown under the label (DSFR fr-hint-text).
  - required  true() adds a visible "*" (aria-hidden) and aria-required="true".
              Put the template "required-legend" once above such a form.
  - errors    taken from /page/errors/error[@field=$name]: the group gets its
              error class, the input aria-invalid="true", the messages are
              shown next to the field and referenced by aria-describedby.
  - value     what the user typed, /page/values/value[@name=$name], wins
              whenever it exists (a form redrawn after a validation error);
              otherwise the param default (e.g. the stored value) is used.
  Booleans are XPath booleans: pass select="true()", never the string 'true'.
  French input: amounts, hours and dates are read by the C readers in French
  format ("1 234,56", "12,5", "dd/mm/yyyy"), so use type 'text' with
  inputmode 'decimal' (or 'numeric') and a hint ("Format attendu : JJ/MM/AAAA"),
  not type 'number' or 'date' (the browser would send another format).

  Templates (name: params)
  - csrf                  : (none) hidden input name="csrf" from /page/csrf. Put it in every POST form.
  - required-legend       : (none) "Les champs marqués d'un astérisque (*) sont obligatoires."
  - form-errors           : title (default "Le formulaire contient des erreurs")
                            Error summary (a DSFR error alert): form-level errors
                            (error without @field) as paragraphs, field errors as
                            links to their field. Nothing when there is no error.
                            Call it right after the page's h1.
  - field-text            : name, label, hint, required, default, type ('text'|'email'|'tel'|'date'|'number'|'search'|'url'),
                            autocomplete, inputmode ('numeric'|'decimal'|…), maxlength, pattern, id, readonly, spellcheck
  - field-textarea        : name, label, hint, required, default, maxlength, rows (default 4), id
  - field-password        : name, label, hint, required, autocomplete (default 'current-password'), id, show-toggle (default true())
                            Never prefilled. The "Afficher" toggle is the DSFR JS one.
  - field-checkbox        : name, label, hint, value (default '1'), checked (default false()), id
                            Checked when the typed value equals value (if the form was
                            redrawn: /page/values exists), else when checked is true().
  - field-select          : name, label, hint, required, options (node-set), default, placeholder, id,
                            groups (node-set: each an <optgroup> of its @label over its child options)
                            Each option node gives its value by @value, else @id, else
                            its text; its label by @label, else @name, else its text.
                            e.g. options select="/page/facilities/facility" with <facility id="3" name="Crèche"/>.
  - field-radios          : name, legend, hint, required, options (node-set, same rules as field-select), default, inline (false())
  - data-table            : caption, caption-hidden (false()), head (markup: th cells), rows (markup: tr rows), id, bordered (false())
  - breadcrumb            : links (markup made of breadcrumb-link calls), current (text of the current page)
  - breadcrumb-link       : href, label
  - kept-part-start,
    kept-part-end         : (none) around a part of the page the worker keeps
                            (modules/core/fragment.h, /page/fragment): the view
                            draws the part only when it is not kept yet:
                              <xsl:call-template name="kept-part-start"/>
                              <xsl:if test="not(/page/fragment/@cached = '1')">
                                …the part… <xsl:call-template name="kept-part-end"/>
                              </xsl:if>
                            Nothing without /page/fragment.
  - date-fr               : date ('yyyy-mm-dd') -> 'dd/mm/yyyy' (anything else is shown as is)

  Example
    <form method="post" action="/auth/connexion">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="field-text">
        <xsl:with-param name="name" select="'email'"/>
        <xsl:with-param name="label">Votre adresse électronique</xsl:with-param>
        <xsl:with-param name="hint">Format attendu : nom@domaine.fr</xsl:with-param>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="type" select="'email'"/>
        <xsl:with-param name="autocomplete" select="'username'"/>
      </xsl:call-template>
      <button class="fr-btn" type="submit">Se connecter</button>
    </form>
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

	<!-- The hidden CSRF token that every POST form carries. -->
	<xsl:template name="csrf">
		<input type="hidden" name="csrf" value="{/page/csrf}"/>
	</xsl:template>

	<xsl:template name="required-legend">
		<p class="fr-text--sm">Les champs marqués d’un astérisque (<span aria-hidden="true">*</span><span class="fr-sr-only">astérisque</span>) sont obligatoires.</p>
	</xsl:template>

	<!-- The summary of a form's errors, read before the fields. -->
	<xsl:template name="form-errors">
		<xsl:param name="title">Le formulaire contient des erreurs</xsl:param>
		<xsl:variable name="errors" select="/page/errors/error"/>
		<xsl:if test="$errors">
			<div class="fr-alert fr-alert--error fr-mb-4w" role="alert" id="erreurs">
				<h2 class="fr-alert__title"><xsl:copy-of select="$title"/></h2>
				<xsl:for-each select="$errors[not(@field) or @field = '']">
					<p><xsl:value-of select="."/></p>
				</xsl:for-each>
				<xsl:if test="$errors[@field and @field != '']">
					<ul>
						<xsl:for-each select="$errors[@field and @field != '']">
							<li><a href="#f-{@field}"><xsl:value-of select="."/></a></li>
						</xsl:for-each>
					</ul>
				</xsl:if>
			</div>
		</xsl:if>
	</xsl:template>

	<!-- Internal: the label with its required mark and hint. -->
	<xsl:template name="field-label">
		<xsl:param name="id"/>
		<xsl:param name="label"/>
		<xsl:param name="hint"/>
		<xsl:param name="required" select="false()"/>
		<xsl:param name="class" select="'fr-label'"/>
		<label class="{$class}" for="{$id}">
			<xsl:copy-of select="$label"/>
			<xsl:if test="$required">
				<xsl:text> </xsl:text>
				<span class="fr-required-mark" aria-hidden="true">*</span>
			</xsl:if>
			<xsl:if test="string($hint) != ''">
				<span class="fr-hint-text"><xsl:copy-of select="$hint"/></span>
			</xsl:if>
		</label>
	</xsl:template>

	<!-- Internal: the messages of a field, always present so aria-describedby
	     never points at nothing. -->
	<xsl:template name="field-messages">
		<xsl:param name="id"/>
		<xsl:param name="name"/>
		<div class="fr-messages-group" id="{$id}-messages" aria-live="polite">
			<xsl:for-each select="/page/errors/error[@field = $name]">
				<p class="fr-message fr-message--error" id="{$id}-error-{position()}">
					<xsl:value-of select="."/>
				</p>
			</xsl:for-each>
		</div>
	</xsl:template>

	<!-- Internal: the value to redraw — typed value first, then the default. -->
	<xsl:template name="field-value">
		<xsl:param name="name"/>
		<xsl:param name="default"/>
		<xsl:variable name="typed" select="/page/values/value[@name = $name]"/>
		<xsl:choose>
			<xsl:when test="$typed"><xsl:value-of select="$typed[1]"/></xsl:when>
			<xsl:otherwise><xsl:value-of select="$default"/></xsl:otherwise>
		</xsl:choose>
	</xsl:template>

	<!-- Internal: attributes shared by every control. -->
	<xsl:template name="control-attributes">
		<xsl:param name="id"/>
		<xsl:param name="name"/>
		<xsl:param name="required" select="false()"/>
		<xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute>
		<xsl:attribute name="name"><xsl:value-of select="$name"/></xsl:attribute>
		<xsl:attribute name="aria-describedby"><xsl:value-of select="concat($id, '-messages')"/></xsl:attribute>
		<xsl:if test="$required">
			<xsl:attribute name="aria-required">true</xsl:attribute>
		</xsl:if>
		<xsl:if test="/page/errors/error[@field = $name]">
			<xsl:attribute name="aria-invalid">true</xsl:attribute>
		</xsl:if>
	</xsl:template>

	<xsl:template name="field-text">
		<xsl:param name="name"/>
		<xsl:param name="label"/>
		<xsl:param name="hint"/>
		<xsl:param name="required" select="false()"/>
		<xsl:param name="default"/>
		<xsl:param name="type" select="'text'"/>
		<xsl:param name="autocomplete"/>
		<xsl:param name="inputmode"/>
		<xsl:param name="maxlength"/>
		<xsl:param name="pattern"/>
		<xsl:param name="readonly" select="false()"/>
		<xsl:param name="spellcheck"/>
		<xsl:param name="id" select="concat('f-', $name)"/>
		<xsl:variable name="error" select="/page/errors/error[@field = $name]"/>
		<div class="fr-input-group{substring(' fr-input-group--error', 1, 99 * boolean($error))}" id="{$id}-group">
			<xsl:call-template name="field-label">
				<xsl:with-param name="id" select="$id"/>
				<xsl:with-param name="label" select="$label"/>
				<xsl:with-param name="hint" select="$hint"/>
				<xsl:with-param name="required" select="$required"/>
			</xsl:call-template>
			<input class="fr-input{substring(' fr-input--error', 1, 99 * boolean($error))}" type="{$type}">
				<xsl:call-template name="control-attributes">
					<xsl:with-param name="id" select="$id"/>
					<xsl:with-param name="name" select="$name"/>
					<xsl:with-param name="required" select="$required"/>
				</xsl:call-template>
				<xsl:attribute name="value">
					<xsl:call-template name="field-value">
						<xsl:with-param name="name" select="$name"/>
						<xsl:with-param name="default" select="$default"/>
					</xsl:call-template>
				</xsl:attribute>
				<xsl:if test="string($autocomplete) != ''">
					<xsl:attribute name="autocomplete"><xsl:value-of select="$autocomplete"/></xsl:attribute>
				</xsl:if>
				<xsl:if test="string($inputmode) != ''">
					<xsl:attribute name="inputmode"><xsl:value-of select="$inputmode"/></xsl:attribute>
				</xsl:if>
				<xsl:if test="string($maxlength) != ''">
					<xsl:attribute name="maxlength"><xsl:value-of select="$maxlength"/></xsl:attribute>
				</xsl:if>
				<xsl:if test="string($pattern) != ''">
					<xsl:attribute name="pattern"><xsl:value-of select="$pattern"/></xsl:attribute>
				</xsl:if>
				<xsl:if test="string($spellcheck) != ''">
					<xsl:attribute name="spellcheck"><xsl:value-of select="$spellcheck"/></xsl:attribute>
				</xsl:if>
				<xsl:if test="$readonly">
					<xsl:attribute name="readonly">readonly</xsl:attribute>
				</xsl:if>
			</input>
			<xsl:call-template name="field-messages">
				<xsl:with-param name="id" select="$id"/>
				<xsl:with-param name="name" select="$name"/>
			</xsl:call-template>
		</div>
	</xsl:template>

	<xsl:template name="field-textarea">
		<xsl:param name="name"/>
		<xsl:param name="label"/>
		<xsl:param name="hint"/>
		<xsl:param name="required" select="false()"/>
		<xsl:param name="default"/>
		<xsl:param name="maxlength"/>
		<xsl:param name="rows" select="4"/>
		<xsl:param name="id" select="concat('f-', $name)"/>
		<xsl:variable name="error" select="/page/errors/error[@field = $name]"/>
		<div class="fr-input-group{substring(' fr-input-group--error', 1, 99 * boolean($error))}" id="{$id}-group">
			<xsl:call-template name="field-label">
				<xsl:with-param name="id" select="$id"/>
				<xsl:with-param name="label" select="$label"/>
				<xsl:with-param name="hint" select="$hint"/>
				<xsl:with-param name="required" select="$required"/>
			</xsl:call-template>
			<textarea class="fr-input{substring(' fr-input--error', 1, 99 * boolean($error))}" rows="{$rows}">
				<xsl:call-template name="control-attributes">
					<xsl:with-param name="id" select="$id"/>
					<xsl:with-param name="name" select="$name"/>
					<xsl:with-param name="required" select="$required"/>
				</xsl:call-template>
				<xsl:if test="string($maxlength) != ''">
					<xsl:attribute name="maxlength"><xsl:value-of select="$maxlength"/></xsl:attribute>
				</xsl:if>
				<xsl:call-template name="field-value">
					<xsl:with-param name="name" select="$name"/>
					<xsl:with-param name="default" select="$default"/>
				</xsl:call-template>
			</textarea>
			<xsl:call-template name="field-messages">
				<xsl:with-param name="id" select="$id"/>
				<xsl:with-param name="name" select="$name"/>
			</xsl:call-template>
		</div>
	</xsl:template>

	<!-- Passwords are never echoed back: no value attribute at all. -->
	<xsl:template name="field-password">
		<xsl:param name="name"/>
		<xsl:param name="label">Mot de passe</xsl:param>
		<xsl:param name="hint"/>
		<xsl:param name="required" select="false()"/>
		<xsl:param name="autocomplete" select="'current-password'"/>
		<xsl:param name="show-toggle" select="true()"/>
		<xsl:param name="id" select="concat('f-', $name)"/>
		<xsl:variable name="error" select="/page/errors/error[@field = $name]"/>
		<div class="fr-password{substring(' fr-input-group fr-input-group--error', 1, 99 * boolean($error))}" id="{$id}-group">
			<xsl:call-template name="field-label">
				<xsl:with-param name="id" select="$id"/>
				<xsl:with-param name="label" select="$label"/>
				<xsl:with-param name="hint" select="$hint"/>
				<xsl:with-param name="required" select="$required"/>
				<xsl:with-param name="class" select="'fr-password__label fr-label'"/>
			</xsl:call-template>
			<div class="fr-input-wrap">
				<input class="fr-password__input fr-input{substring(' fr-input--error', 1, 99 * boolean($error))}" type="password" autocapitalize="off" autocorrect="off" spellcheck="false" autocomplete="{$autocomplete}">
					<xsl:call-template name="control-attributes">
						<xsl:with-param name="id" select="$id"/>
						<xsl:with-param name="name" select="$name"/>
						<xsl:with-param name="required" select="$required"/>
					</xsl:call-template>
				</input>
			</div>
			<xsl:call-template name="field-messages">
				<xsl:with-param name="id" select="$id"/>
				<xsl:with-param name="name" select="$name"/>
			</xsl:call-template>
			<xsl:if test="$show-toggle">
				<div class="fr-password__checkbox fr-checkbox-group fr-checkbox-group--sm">
					<input id="{$id}-afficher" type="checkbox" aria-label="Afficher le mot de passe"/>
					<label class="fr-password__checkbox fr-label" for="{$id}-afficher">Afficher</label>
				</div>
			</xsl:if>
		</div>
	</xsl:template>

	<xsl:template name="field-checkbox">
		<xsl:param name="name"/>
		<xsl:param name="label"/>
		<xsl:param name="hint"/>
		<xsl:param name="value" select="'1'"/>
		<xsl:param name="checked" select="false()"/>
		<xsl:param name="id" select="concat('f-', $name)"/>
		<xsl:variable name="error" select="/page/errors/error[@field = $name]"/>
		<xsl:variable name="is-checked" select="(/page/values and /page/values/value[@name = $name] = $value)
			or (not(/page/values) and $checked)"/>
		<div class="fr-checkbox-group fr-mb-3w{substring(' fr-checkbox-group--error', 1, 99 * boolean($error))}" id="{$id}-group">
			<input type="checkbox" value="{$value}">
				<xsl:call-template name="control-attributes">
					<xsl:with-param name="id" select="$id"/>
					<xsl:with-param name="name" select="$name"/>
				</xsl:call-template>
				<xsl:if test="$is-checked">
					<xsl:attribute name="checked">checked</xsl:attribute>
				</xsl:if>
			</input>
			<xsl:call-template name="field-label">
				<xsl:with-param name="id" select="$id"/>
				<xsl:with-param name="label" select="$label"/>
				<xsl:with-param name="hint" select="$hint"/>
			</xsl:call-template>
			<xsl:call-template name="field-messages">
				<xsl:with-param name="id" select="$id"/>
				<xsl:with-param name="name" select="$name"/>
			</xsl:call-template>
		</div>
	</xsl:template>

	<!-- The value and the label of an option node (see the header). -->
	<xsl:template name="option-value">
		<xsl:choose>
			<xsl:when test="@value"><xsl:value-of select="@value"/></xsl:when>
			<xsl:when test="@id"><xsl:value-of select="@id"/></xsl:when>
			<xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
		</xsl:choose>
	</xsl:template>
	<xsl:template name="option-label">
		<xsl:choose>
			<xsl:when test="@label"><xsl:value-of select="@label"/></xsl:when>
			<xsl:when test="@name"><xsl:value-of select="@name"/></xsl:when>
			<xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
		</xsl:choose>
	</xsl:template>

	<xsl:template name="select-option">
		<xsl:param name="current"/>
		<xsl:variable name="v"><xsl:call-template name="option-value"/></xsl:variable>
		<option value="{$v}">
			<xsl:if test="string($v) = string($current)">
				<xsl:attribute name="selected">selected</xsl:attribute>
			</xsl:if>
			<xsl:call-template name="option-label"/>
		</option>
	</xsl:template>

	<xsl:template name="field-select">
		<xsl:param name="name"/>
		<xsl:param name="label"/>
		<xsl:param name="hint"/>
		<xsl:param name="required" select="false()"/>
		<xsl:param name="options" select="/.."/>
		<xsl:param name="default"/>
		<xsl:param name="placeholder">Sélectionner une option</xsl:param>
		<xsl:param name="id" select="concat('f-', $name)"/>
		<xsl:param name="groups" select="/.."/>
		<xsl:variable name="error" select="/page/errors/error[@field = $name]"/>
		<xsl:variable name="current">
			<xsl:call-template name="field-value">
				<xsl:with-param name="name" select="$name"/>
				<xsl:with-param name="default" select="$default"/>
			</xsl:call-template>
		</xsl:variable>
		<div class="fr-select-group{substring(' fr-select-group--error', 1, 99 * boolean($error))}" id="{$id}-group">
			<xsl:call-template name="field-label">
				<xsl:with-param name="id" select="$id"/>
				<xsl:with-param name="label" select="$label"/>
				<xsl:with-param name="hint" select="$hint"/>
				<xsl:with-param name="required" select="$required"/>
			</xsl:call-template>
			<select class="fr-select{substring(' fr-select--error', 1, 99 * boolean($error))}">
				<xsl:call-template name="control-attributes">
					<xsl:with-param name="id" select="$id"/>
					<xsl:with-param name="name" select="$name"/>
					<xsl:with-param name="required" select="$required"/>
				</xsl:call-template>
				<xsl:if test="string($placeholder) != ''">
					<option value="">
						<xsl:if test="string($current) = ''">
							<xsl:attribute name="selected">selected</xsl:attribute>
						</xsl:if>
						<xsl:value-of select="$placeholder"/>
					</option>
				</xsl:if>
				<xsl:for-each select="$options">
					<xsl:call-template name="select-option">
						<xsl:with-param name="current" select="$current"/>
					</xsl:call-template>
				</xsl:for-each>
				<xsl:for-each select="$groups">
					<optgroup label="{@label}">
						<xsl:for-each select="*">
							<xsl:call-template name="select-option">
								<xsl:with-param name="current" select="$current"/>
							</xsl:call-template>
						</xsl:for-each>
					</optgroup>
				</xsl:for-each>
			</select>
			<xsl:call-template name="field-messages">
				<xsl:with-param name="id" select="$id"/>
				<xsl:with-param name="name" select="$name"/>
			</xsl:call-template>
		</div>
	</xsl:template>

	<!-- Radio buttons in a fieldset; the first radio carries the id 'f-' + name
	     so the error summary can link to the group. -->
	<xsl:template name="field-radios">
		<xsl:param name="name"/>
		<xsl:param name="legend"/>
		<xsl:param name="hint"/>
		<xsl:param name="required" select="false()"/>
		<xsl:param name="options" select="/.."/>
		<xsl:param name="default"/>
		<xsl:param name="inline" select="false()"/>
		<xsl:param name="id" select="concat('f-', $name)"/>
		<xsl:variable name="error" select="/page/errors/error[@field = $name]"/>
		<xsl:variable name="current">
			<xsl:call-template name="field-value">
				<xsl:with-param name="name" select="$name"/>
				<xsl:with-param name="default" select="$default"/>
			</xsl:call-template>
		</xsl:variable>
		<fieldset class="fr-fieldset{substring(' fr-fieldset--error', 1, 99 * boolean($error))}" id="{$id}-fieldset" aria-labelledby="{$id}-legend {$id}-messages">
			<legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="{$id}-legend">
				<xsl:copy-of select="$legend"/>
				<xsl:if test="$required">
					<xsl:text> </xsl:text>
					<span class="fr-required-mark" aria-hidden="true">*</span>
				</xsl:if>
				<xsl:if test="string($hint) != ''">
					<span class="fr-hint-text"><xsl:copy-of select="$hint"/></span>
				</xsl:if>
			</legend>
			<xsl:for-each select="$options">
				<xsl:variable name="v"><xsl:call-template name="option-value"/></xsl:variable>
				<xsl:variable name="rid">
					<xsl:choose>
						<xsl:when test="position() = 1"><xsl:value-of select="$id"/></xsl:when>
						<xsl:otherwise><xsl:value-of select="concat($id, '-', position())"/></xsl:otherwise>
					</xsl:choose>
				</xsl:variable>
				<div class="fr-fieldset__element{substring(' fr-fieldset__element--inline', 1, 99 * boolean($inline))}">
					<div class="fr-radio-group">
						<input type="radio" id="{$rid}" name="{$name}" value="{$v}">
							<xsl:if test="string($v) = string($current)">
								<xsl:attribute name="checked">checked</xsl:attribute>
							</xsl:if>
						</input>
						<label class="fr-label" for="{$rid}"><xsl:call-template name="option-label"/></label>
					</div>
				</div>
			</xsl:for-each>
			<xsl:call-template name="field-messages">
				<xsl:with-param name="id" select="$id"/>
				<xsl:with-param name="name" select="$name"/>
			</xsl:call-template>
		</fieldset>
	</xsl:template>

	<!-- A DSFR table; head holds the th cells of the header row, rows the tr. -->
	<xsl:template name="data-table">
		<xsl:param name="caption"/>
		<xsl:param name="caption-hidden" select="false()"/>
		<xsl:param name="head"/>
		<xsl:param name="rows"/>
		<xsl:param name="id" select="'tableau'"/>
		<xsl:param name="bordered" select="false()"/>
		<div class="fr-table{substring(' fr-table--no-caption', 1, 99 * boolean($caption-hidden))}{substring(' fr-table--bordered', 1, 99 * boolean($bordered))}" id="{$id}-composant">
			<div class="fr-table__wrapper">
				<div class="fr-table__container">
					<div class="fr-table__content">
						<table id="{$id}">
							<caption><xsl:copy-of select="$caption"/></caption>
							<thead>
								<tr><xsl:copy-of select="$head"/></tr>
							</thead>
							<tbody>
								<xsl:copy-of select="$rows"/>
							</tbody>
						</table>
					</div>
				</div>
			</div>
		</div>
	</xsl:template>

	<xsl:template name="breadcrumb">
		<xsl:param name="links"/>
		<xsl:param name="current"/>
		<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
			<button type="button" class="fr-breadcrumb__button" aria-expanded="false" aria-controls="fil-ariane">Voir le fil d’Ariane</button>
			<div class="fr-collapse" id="fil-ariane">
				<ol class="fr-breadcrumb__list">
					<xsl:copy-of select="$links"/>
					<li><a class="fr-breadcrumb__link" aria-current="page"><xsl:copy-of select="$current"/></a></li>
				</ol>
			</div>
		</nav>
	</xsl:template>

	<xsl:template name="breadcrumb-link">
		<xsl:param name="href"/>
		<xsl:param name="label"/>
		<li><a class="fr-breadcrumb__link" href="{$href}"><xsl:copy-of select="$label"/></a></li>
	</xsl:template>

	<!-- The worker's markers, never sent: page_render() removes them. -->
	<xsl:template name="kept-part-start">
		<xsl:if test="/page/fragment">
			<xsl:comment><xsl:value-of select="/page/fragment/@marker"/></xsl:comment>
		</xsl:if>
	</xsl:template>

	<xsl:template name="kept-part-end">
		<xsl:if test="/page/fragment">
			<xsl:comment>/<xsl:value-of select="/page/fragment/@marker"/></xsl:comment>
		</xsl:if>
	</xsl:template>

	<xsl:template name="date-fr">
		<xsl:param name="date"/>
		<xsl:choose>
			<xsl:when test="string-length($date) = 10 and substring($date, 5, 1) = '-' and substring($date, 8, 1) = '-'">
				<xsl:value-of select="concat(substring($date, 9, 2), '/', substring($date, 6, 2), '/', substring($date, 1, 4))"/>
			</xsl:when>
			<xsl:otherwise><xsl:value-of select="$date"/></xsl:otherwise>
		</xsl:choose>
	</xsl:template>

</xsl:stylesheet>
