<?xml version="1.0" encoding="UTF-8"?>
<!-- Steps 1 and 3: the data entry form, drawn from the field catalogue
     (page/form/group/field). Every typed value is kept on a refused save. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="common.xsl"/>

  <xsl:template name="title">
    <xsl:choose>
      <xsl:when test="/page/form/@section = 'financial'">Saisie des données financières</xsl:when>
      <xsl:otherwise>Saisie des données d'activité</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="content">
    <xsl:variable name="d" select="/page/declaration"/>
    <xsl:variable name="slug"><xsl:choose><xsl:when test="/page/form/@section = 'financial'">financier</xsl:when><xsl:otherwise>activite</xsl:otherwise></xsl:choose></xsl:variable>
    <xsl:call-template name="decl-header"/>
    <h2><xsl:call-template name="title"/></h2>
    <xsl:call-template name="form-errors"/>
    <xsl:call-template name="decl-notices"/>
    <xsl:if test="/page/reminders/@*">
      <div class="fr-callout fr-callout--brown-caramel fr-mb-2w">
        <p class="fr-callout__text">
          <xsl:if test="/page/reminders/@places">Places agréées connues de la Caf : <xsl:value-of select="/page/reminders/@places"/>. </xsl:if>
          <xsl:if test="/page/reminders/@general-rate">Taux de régime général : <xsl:value-of select="/page/reminders/@general-rate"/> %. </xsl:if>
          <xsl:if test="/page/reminders/@validated-etp">ETP validés par la Caf : <xsl:value-of select="/page/reminders/@validated-etp"/>. </xsl:if>
          <xsl:if test="/page/reminders/@family-contributions">Participations familiales déclarées dans les données financières : <xsl:value-of select="/page/reminders/@family-contributions"/> €.</xsl:if>
        </p>
      </div>
    </xsl:if>
    <xsl:if test="/page/form/@editable">
      <p class="fr-text--sm">Pensez à enregistrer régulièrement : après une longue inactivité, la session se ferme.</p>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="/page/form/@editable">
        <form method="post" action="/declarations/declaration/{$d/@id}/{$slug}" novalidate="novalidate">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="row_version" value="{$d/@row-version}"/>
          <xsl:call-template name="required-legend"/>
          <xsl:for-each select="/page/form/group">
            <fieldset class="fr-fieldset">
              <legend class="fr-fieldset__legend"><xsl:value-of select="@heading"/></legend>
              <xsl:for-each select="field">
                <div class="fr-fieldset__element">
                  <xsl:apply-templates select="."/>
                </div>
              </xsl:for-each>
            </fieldset>
          </xsl:for-each>
          <ul class="fr-btns-group fr-btns-group--inline">
            <li><button class="fr-btn fr-btn--secondary" type="submit" name="action" value="enregistrer">Enregistrer</button></li>
            <li><button class="fr-btn" type="submit" name="action" value="suivant">Enregistrer et passer au contrôle</button></li>
          </ul>
        </form>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="readonly-values"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Entry closed for this user (role, "fin de saisie", transmitted): the
       stored values as tables, and no form to post. -->
  <xsl:template name="readonly-values">
    <xsl:for-each select="/page/form/group">
      <div class="fr-table fr-mb-2w decl-readonly">
        <table>
          <caption><xsl:value-of select="@heading"/></caption>
          <thead><tr><th scope="col">Donnée</th><th scope="col">Valeur déclarée</th></tr></thead>
          <tbody>
            <xsl:for-each select="field">
              <tr id="f-{@code}">
                <th scope="row"><xsl:value-of select="label"/></th>
                <td>
                  <xsl:choose>
                    <xsl:when test="not(value) or value = ''">Non renseigné</xsl:when>
                    <xsl:when test="@unit = 'bool' and value = '1'">Oui</xsl:when>
                    <xsl:when test="@unit = 'bool'">Non</xsl:when>
                    <xsl:otherwise>
                      <xsl:value-of select="value"/>
                      <xsl:if test="@suffix != ''"><xsl:text> </xsl:text><xsl:value-of select="@suffix"/></xsl:if>
                    </xsl:otherwise>
                  </xsl:choose>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="field[@unit = 'bool']">
    <xsl:call-template name="field-checkbox">
      <xsl:with-param name="name" select="@code"/>
      <xsl:with-param name="label" select="string(label)"/>
      <xsl:with-param name="hint" select="string(help)"/>
      <xsl:with-param name="checked" select="value = '1' or value = 'on'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="field[@unit = 'text']">
    <xsl:call-template name="field-textarea">
      <xsl:with-param name="name" select="@code"/>
      <xsl:with-param name="label" select="string(label)"/>
      <xsl:with-param name="hint" select="string(help)"/>
      <xsl:with-param name="required" select="boolean(@required)"/>
      <xsl:with-param name="default" select="string(value)"/>
      <xsl:with-param name="maxlength" select="2000"/>
      <xsl:with-param name="rows" select="2"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="field[@computed]">
    <p class="decl-computed" id="f-{@code}">
      <strong><xsl:value-of select="label"/> : </strong>
      <span><xsl:value-of select="value"/></span>
      <xsl:if test="@suffix != ''"><xsl:text> </xsl:text><xsl:value-of select="@suffix"/></xsl:if>
      <span class="fr-hint-text">Calculé à l'enregistrement.</span>
    </p>
  </xsl:template>

  <xsl:template match="field">
    <xsl:call-template name="field-text">
      <xsl:with-param name="name" select="@code"/>
      <xsl:with-param name="label">
        <xsl:value-of select="label"/>
        <xsl:if test="@suffix != ''"> (<xsl:value-of select="@suffix"/>)</xsl:if>
      </xsl:with-param>
      <xsl:with-param name="hint">
        <xsl:value-of select="help"/>
        <xsl:if test="@decimals &gt; 0"> Format attendu : 1 234,56.</xsl:if>
      </xsl:with-param>
      <xsl:with-param name="required" select="boolean(@required)"/>
      <xsl:with-param name="default" select="value"/>
      <xsl:with-param name="inputmode"><xsl:choose><xsl:when test="@decimals &gt; 0">decimal</xsl:when><xsl:otherwise>numeric</xsl:otherwise></xsl:choose></xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
