<?xml version="1.0" encoding="UTF-8"?>
<!--
  XSL-FO peer of templates/strategic-plan.xml: the rolled-up XML (urn:rodtrad:rollup:1) to
  XSL-FO for Apache FOP. Title page with the decision, contents, vision, introduction, each
  perspective with its council goals (description, indicators with baseline and targets for
  the plan's years, committee contributions, environmental objectives), the red thread per
  perspective as a tree drawing, and the budget frames of the year.

    xsltproc strategic-plan.xsl rollup.xml > sp.fo
    JAVA_ARGS=-Xmx4g fop -c fop.xconf -fo sp.fo -pdf sp.pdf      (add -a for tagged PDF)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:r="urn:rodtrad:rollup:1"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="r exsl">

  <xsl:import href="common.xsl"/>

  <xsl:variable name="plan" select="/r:rollup/r:plan"/>
  <xsl:variable name="n0" select="1 + number(boolean($plan/r:introduction))"/>
  <xsl:variable name="P" select="count(/r:rollup/r:perspective)"/>
  <xsl:variable name="has-budget" select="boolean(/r:rollup/r:budget/r:frame)"/>

  <xsl:variable name="L-vision"><xsl:call-template name="label"><xsl:with-param name="key" select="'vision'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="L-introduction"><xsl:call-template name="label"><xsl:with-param name="key" select="'introduction'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="L-red-thread"><xsl:call-template name="label"><xsl:with-param name="key" select="'redThread'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="L-budget"><xsl:call-template name="label"><xsl:with-param name="key" select="'budget'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="L-target"><xsl:call-template name="label"><xsl:with-param name="key" select="'target'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="L-committee"><xsl:call-template name="label"><xsl:with-param name="key" select="'committee'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="L-strategic-plan"><xsl:call-template name="label"><xsl:with-param name="key" select="'strategicPlan'"/></xsl:call-template></xsl:variable>

  <!-- Numbered headings (levels 1 and 2): contents, bookmarks and heading numbers. -->
  <xsl:variable name="outline-rtf">
    <h id="vision" level="1" num="1" title="{$L-vision}"/>
    <xsl:if test="$plan/r:introduction">
      <h id="introduction" level="1" num="2" title="{$L-introduction}"/>
    </xsl:if>
    <xsl:for-each select="/r:rollup/r:perspective">
      <xsl:variable name="pn" select="$n0 + position()"/>
      <h id="p-{generate-id()}" level="1" num="{$pn}" title="{normalize-space(@name)}"/>
      <xsl:for-each select="r:councilGoal">
        <h id="g-{generate-id()}" level="2" num="{$pn}.{position()}" title="{normalize-space(concat(@id, ' ', @title))}"/>
      </xsl:for-each>
    </xsl:for-each>
    <h id="red-thread" level="1" num="{$n0 + $P + 1}" title="{$L-red-thread}"/>
    <xsl:for-each select="/r:rollup/r:perspective">
      <h id="rt-{generate-id()}" level="2" num="{$n0 + $P + 1}.{position()}" title="{normalize-space(@name)}"/>
    </xsl:for-each>
    <xsl:if test="$has-budget">
      <h id="budget" level="1" num="{$n0 + $P + 2}" title="{$L-budget}"/>
    </xsl:if>
  </xsl:variable>
  <xsl:variable name="outline" select="exsl:node-set($outline-rtf)/h"/>

  <xsl:template match="/">
    <xsl:variable name="municipality" select="normalize-space(/r:rollup/r:municipality/@name)"/>
    <xsl:variable name="years" select="concat($plan/@from, '&#8211;', $plan/@to)"/>
    <xsl:variable name="L-revision"><xsl:call-template name="label"><xsl:with-param name="key" select="'revision'"/></xsl:call-template></xsl:variable>
    <fo:root xml:lang="sv-SE" font-family="{$font-family}" font-size="10pt">
      <xsl:call-template name="layout-master-set"/>
      <xsl:call-template name="declarations">
        <xsl:with-param name="title" select="$plan/@title"/>
        <xsl:with-param name="author" select="$municipality"/>
        <xsl:with-param name="subject" select="concat($L-strategic-plan, ' ', $years)"/>
        <xsl:with-param name="keywords">
          <xsl:value-of select="$L-strategic-plan"/>
          <xsl:text>, </xsl:text><xsl:call-template name="label"><xsl:with-param name="key" select="'councilGoal'"/></xsl:call-template>
          <xsl:text>, </xsl:text><xsl:call-template name="label"><xsl:with-param name="key" select="'indicators'"/></xsl:call-template>
        </xsl:with-param>
        <xsl:with-param name="date" select="string($plan/r:approval/@date)"/>
      </xsl:call-template>
      <xsl:call-template name="bookmarks"><xsl:with-param name="outline" select="$outline"/></xsl:call-template>
      <fo:page-sequence master-reference="document" id="document">
        <xsl:call-template name="furniture">
          <xsl:with-param name="header-left" select="$plan/@title"/>
          <xsl:with-param name="header-right" select="concat($plan/@documentNumber, ' &#183; ', $L-revision, ' ', $plan/@revision)"/>
          <xsl:with-param name="footer-left" select="$municipality"/>
        </xsl:call-template>
        <fo:flow flow-name="xsl-region-body">
          <fo:block xsl:use-attribute-sets="title"><xsl:value-of select="$plan/@title"/></fo:block>
          <fo:block xsl:use-attribute-sets="subtitle">
            <xsl:value-of select="concat($L-strategic-plan, ' ', $years, ' &#183; ', $municipality)"/>
          </fo:block>
          <xsl:call-template name="approval"><xsl:with-param name="approval" select="$plan/r:approval"/></xsl:call-template>

          <fo:block break-before="page" role="Div">
            <xsl:call-template name="toc"><xsl:with-param name="outline" select="$outline"/></xsl:call-template>
          </fo:block>

          <fo:block break-before="page" role="Div">
            <xsl:call-template name="heading">
              <xsl:with-param name="level" select="1"/><xsl:with-param name="id" select="'vision'"/>
              <xsl:with-param name="text" select="$L-vision"/><xsl:with-param name="outline" select="$outline"/>
            </xsl:call-template>
            <xsl:call-template name="rich-text">
              <xsl:with-param name="select" select="$plan/r:vision"/><xsl:with-param name="style" select="'lead'"/>
            </xsl:call-template>
          </fo:block>
          <xsl:if test="$plan/r:introduction">
            <xsl:call-template name="heading">
              <xsl:with-param name="level" select="1"/><xsl:with-param name="id" select="'introduction'"/>
              <xsl:with-param name="text" select="$L-introduction"/><xsl:with-param name="outline" select="$outline"/>
            </xsl:call-template>
            <xsl:call-template name="rich-text"><xsl:with-param name="select" select="$plan/r:introduction"/></xsl:call-template>
          </xsl:if>

          <xsl:apply-templates select="/r:rollup/r:perspective"/>

          <xsl:call-template name="heading">
            <xsl:with-param name="level" select="1"/><xsl:with-param name="id" select="'red-thread'"/>
            <xsl:with-param name="text" select="$L-red-thread"/><xsl:with-param name="outline" select="$outline"/>
          </xsl:call-template>
          <xsl:for-each select="/r:rollup/r:perspective">
            <xsl:call-template name="heading">
              <xsl:with-param name="level" select="2"/><xsl:with-param name="id" select="concat('rt-', generate-id())"/>
              <xsl:with-param name="text" select="@name"/><xsl:with-param name="outline" select="$outline"/>
            </xsl:call-template>
            <xsl:call-template name="red-thread">
              <xsl:with-param name="width" select="470"/><xsl:with-param name="depth" select="3"/>
            </xsl:call-template>
          </xsl:for-each>

          <xsl:if test="$has-budget">
            <xsl:call-template name="heading">
              <xsl:with-param name="level" select="1"/><xsl:with-param name="id" select="'budget'"/>
              <xsl:with-param name="text" select="$L-budget"/><xsl:with-param name="outline" select="$outline"/>
            </xsl:call-template>
            <xsl:variable name="frames" select="/r:rollup/r:budget/r:frame[@year = /r:rollup/@year]"/>
            <xsl:if test="$frames">
              <fo:table xsl:use-attribute-sets="table">
                <fo:table-column column-width="proportional-column-width(70)"/>
                <fo:table-column column-width="proportional-column-width(30)"/>
                <fo:table-header>
                  <fo:table-row>
                    <xsl:call-template name="th"><xsl:with-param name="text" select="$L-committee"/></xsl:call-template>
                    <xsl:call-template name="th">
                      <xsl:with-param name="text">
                        <xsl:call-template name="label"><xsl:with-param name="key" select="'net'"/></xsl:call-template>
                        <xsl:value-of select="concat(' ', /r:rollup/@year, ' (', /r:rollup/r:budget/@measure, ')')"/>
                      </xsl:with-param>
                      <xsl:with-param name="align" select="'end'"/>
                    </xsl:call-template>
                  </fo:table-row>
                </fo:table-header>
                <fo:table-body>
                  <xsl:for-each select="$frames">
                    <fo:table-row>
                      <xsl:call-template name="td"><xsl:with-param name="text" select="@name"/></xsl:call-template>
                      <xsl:call-template name="td">
                        <xsl:with-param name="text"><xsl:call-template name="num"><xsl:with-param name="value" select="string(@net)"/><xsl:with-param name="decimals" select="1"/></xsl:call-template></xsl:with-param>
                        <xsl:with-param name="align" select="'end'"/>
                      </xsl:call-template>
                    </fo:table-row>
                  </xsl:for-each>
                </fo:table-body>
              </fo:table>
            </xsl:if>
          </xsl:if>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <xsl:template match="r:perspective">
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="1"/><xsl:with-param name="id" select="concat('p-', generate-id())"/>
      <xsl:with-param name="text" select="@name"/><xsl:with-param name="outline" select="$outline"/>
    </xsl:call-template>
    <xsl:call-template name="rich-text"><xsl:with-param name="select" select="r:description"/></xsl:call-template>
    <xsl:apply-templates select="r:councilGoal"/>
  </xsl:template>

  <xsl:template match="r:councilGoal">
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="2"/><xsl:with-param name="id" select="concat('g-', generate-id())"/>
      <xsl:with-param name="text" select="concat(@id, ' ', @title)"/><xsl:with-param name="outline" select="$outline"/>
    </xsl:call-template>
    <xsl:call-template name="rich-text"><xsl:with-param name="select" select="r:description"/></xsl:call-template>

    <xsl:if test="r:indicator">
      <xsl:variable name="from" select="number($plan/@from)"/>
      <fo:table xsl:use-attribute-sets="table">
        <fo:table-column column-width="proportional-column-width(42)"/>
        <fo:table-column column-width="proportional-column-width(14)"/>
        <fo:table-column column-width="proportional-column-width(11)"/>
        <fo:table-column column-width="proportional-column-width(11)"/>
        <fo:table-column column-width="proportional-column-width(11)"/>
        <fo:table-column column-width="proportional-column-width(11)"/>
        <fo:table-header>
          <fo:table-row>
            <xsl:call-template name="th"><xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'indicator'"/></xsl:call-template></xsl:with-param></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'measure'"/></xsl:call-template></xsl:with-param></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="align" select="'end'"/><xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'baseline'"/></xsl:call-template></xsl:with-param></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="align" select="'end'"/><xsl:with-param name="text" select="concat($L-target, ' ', $from)"/></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="align" select="'end'"/><xsl:with-param name="text" select="concat($L-target, ' ', $from + 1)"/></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="align" select="'end'"/><xsl:with-param name="text" select="concat($L-target, ' ', $plan/@to)"/></xsl:call-template>
          </fo:table-row>
        </fo:table-header>
        <fo:table-body>
          <xsl:for-each select="r:indicator">
            <xsl:variable name="d" select="number(concat('0', @decimals))"/>
            <fo:table-row>
              <xsl:call-template name="td"><xsl:with-param name="text" select="@name"/></xsl:call-template>
              <xsl:call-template name="td"><xsl:with-param name="text" select="@measure"/></xsl:call-template>
              <xsl:call-template name="td"><xsl:with-param name="align" select="'end'"/><xsl:with-param name="text">
                <xsl:call-template name="num"><xsl:with-param name="value" select="string(r:baseline/@value)"/><xsl:with-param name="decimals" select="$d"/></xsl:call-template>
              </xsl:with-param></xsl:call-template>
              <xsl:call-template name="td"><xsl:with-param name="align" select="'end'"/><xsl:with-param name="text">
                <xsl:call-template name="num"><xsl:with-param name="value" select="string(r:target[@year = $from]/@value)"/><xsl:with-param name="decimals" select="$d"/></xsl:call-template>
              </xsl:with-param></xsl:call-template>
              <xsl:call-template name="td"><xsl:with-param name="align" select="'end'"/><xsl:with-param name="text">
                <xsl:call-template name="num"><xsl:with-param name="value" select="string(r:target[@year = $from + 1]/@value)"/><xsl:with-param name="decimals" select="$d"/></xsl:call-template>
              </xsl:with-param></xsl:call-template>
              <xsl:call-template name="td"><xsl:with-param name="align" select="'end'"/><xsl:with-param name="text">
                <xsl:call-template name="num"><xsl:with-param name="value" select="string(r:target[@year = $plan/@to]/@value)"/><xsl:with-param name="decimals" select="$d"/></xsl:call-template>
              </xsl:with-param></xsl:call-template>
            </fo:table-row>
          </xsl:for-each>
        </fo:table-body>
      </fo:table>
    </xsl:if>

    <xsl:if test="r:goal">
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="3"/>
        <xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'committeeContributions'"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <fo:table xsl:use-attribute-sets="table">
        <fo:table-column column-width="proportional-column-width(30)"/>
        <fo:table-column column-width="proportional-column-width(70)"/>
        <fo:table-header>
          <fo:table-row>
            <xsl:call-template name="th"><xsl:with-param name="text" select="$L-committee"/></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'goal'"/></xsl:call-template></xsl:with-param></xsl:call-template>
          </fo:table-row>
        </fo:table-header>
        <fo:table-body>
          <xsl:for-each select="r:goal">
            <fo:table-row>
              <xsl:call-template name="td"><xsl:with-param name="text" select="@unitName"/></xsl:call-template>
              <xsl:call-template name="td"><xsl:with-param name="text" select="concat(@id, ' ', @title)"/></xsl:call-template>
            </fo:table-row>
          </xsl:for-each>
        </fo:table-body>
      </fo:table>
    </xsl:if>

    <xsl:if test="r:objective">
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="3"/>
        <xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'environmentalObjectives'"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <fo:table xsl:use-attribute-sets="table">
        <fo:table-column column-width="proportional-column-width(70)"/>
        <fo:table-column column-width="proportional-column-width(15)"/>
        <fo:table-column column-width="proportional-column-width(15)"/>
        <fo:table-header>
          <fo:table-row>
            <xsl:call-template name="th"><xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'objective'"/></xsl:call-template></xsl:with-param></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'due'"/></xsl:call-template></xsl:with-param></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'owner'"/></xsl:call-template></xsl:with-param></xsl:call-template>
          </fo:table-row>
        </fo:table-header>
        <fo:table-body>
          <xsl:for-each select="r:objective | r:objective/r:objective">
            <fo:table-row>
              <xsl:call-template name="td"><xsl:with-param name="text" select="@title"/></xsl:call-template>
              <xsl:call-template name="td"><xsl:with-param name="text" select="@deadline"/></xsl:call-template>
              <xsl:call-template name="td"><xsl:with-param name="text" select="@responsible"/></xsl:call-template>
            </fo:table-row>
          </xsl:for-each>
        </fo:table-body>
      </fo:table>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
