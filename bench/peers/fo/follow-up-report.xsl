<?xml version="1.0" encoding="UTF-8"?>
<!--
  XSL-FO peer of templates/follow-up-report.xml: the rolled-up XML (urn:rodtrad:rollup:1) of
  one period to XSL-FO for Apache FOP. Title page, contents, goal fulfilment summary, each
  perspective's council goals (assessment, manual assessment and justification, coverage,
  analysis, indicators with outcome, target, status and trend, one bar chart per indicator,
  committee goals, environmental objectives), each committee's goals and analyses, and every
  committee goal's activities.

    xsltproc follow-up-report.xsl rollup.xml > fu.fo
    JAVA_ARGS=-Xmx4g fop -c fop.xconf -fo fu.fo -pdf fu.pdf      (add -a for tagged PDF)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:r="urn:rodtrad:rollup:1"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="r exsl">

  <xsl:import href="common.xsl"/>

  <!-- committee goals by their committee -->
  <xsl:key name="committee-goals" match="r:perspective/r:councilGoal/r:goal" use="@unit"/>

  <xsl:variable name="rollup" select="/r:rollup"/>
  <xsl:variable name="P" select="count(/r:rollup/r:perspective)"/>
  <xsl:variable name="committees"
      select="/r:rollup/r:organisation/r:unit[@type = 'committee' or @type = 'executive-board']
                                             [key('committee-goals', @id)]"/>
  <xsl:variable name="activity-goals" select="/r:rollup/r:perspective/r:councilGoal/r:goal[.//r:activity]"/>

  <xsl:variable name="L-fulfilment"><xsl:call-template name="label"><xsl:with-param name="key" select="'goalFulfilment'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="L-committee-fulfilment"><xsl:call-template name="label"><xsl:with-param name="key" select="'committeeFulfilment'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="L-activities"><xsl:call-template name="label"><xsl:with-param name="key" select="'activities'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="L-report"><xsl:call-template name="label"><xsl:with-param name="key" select="'followUpReport'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="L-assessment"><xsl:call-template name="label"><xsl:with-param name="key" select="'assessment'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="L-council-goal"><xsl:call-template name="label"><xsl:with-param name="key" select="'councilGoal'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="L-goal"><xsl:call-template name="label"><xsl:with-param name="key" select="'goal'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="L-committee"><xsl:call-template name="label"><xsl:with-param name="key" select="'committee'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="L-of"><xsl:call-template name="label"><xsl:with-param name="key" select="'of'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="L-kind"><xsl:call-template name="label"><xsl:with-param name="key" select="string(/r:rollup/@kind)"/></xsl:call-template></xsl:variable>

  <!-- Numbered headings (levels 1 and 2): contents, bookmarks and heading numbers. -->
  <xsl:variable name="outline-rtf">
    <h id="summary" level="1" num="1" title="{$L-fulfilment}"/>
    <xsl:for-each select="/r:rollup/r:perspective">
      <xsl:variable name="pn" select="1 + position()"/>
      <h id="p-{generate-id()}" level="1" num="{$pn}" title="{normalize-space(@name)}"/>
      <xsl:for-each select="r:councilGoal">
        <h id="g-{generate-id()}" level="2" num="{$pn}.{position()}" title="{normalize-space(concat(@id, ' ', @title))}"/>
      </xsl:for-each>
    </xsl:for-each>
    <h id="committees" level="1" num="{$P + 2}" title="{$L-committee-fulfilment}"/>
    <xsl:for-each select="$committees">
      <h id="c-{generate-id()}" level="2" num="{$P + 2}.{position()}" title="{normalize-space(@name)}"/>
    </xsl:for-each>
    <h id="activities" level="1" num="{$P + 3}" title="{$L-activities}"/>
    <xsl:for-each select="$activity-goals">
      <h id="a-{generate-id()}" level="2" num="{$P + 3}.{position()}"
         title="{normalize-space(concat(@unitName, ': ', @id, ' ', @title))}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="outline" select="exsl:node-set($outline-rtf)/h"/>

  <xsl:template match="/">
    <xsl:variable name="municipality" select="normalize-space(/r:rollup/r:municipality/@name)"/>
    <xsl:variable name="plan-title" select="normalize-space(/r:rollup/r:plan/@title)"/>
    <fo:root xml:lang="sv-SE" font-family="{$font-family}" font-size="10pt">
      <xsl:call-template name="layout-master-set"/>
      <xsl:call-template name="declarations">
        <xsl:with-param name="title" select="concat($L-report, ' ', $rollup/@year, ' &#8211; ', $municipality)"/>
        <xsl:with-param name="author" select="$municipality"/>
        <xsl:with-param name="subject" select="concat($L-fulfilment, ' ', $rollup/@period)"/>
        <xsl:with-param name="keywords" select="concat($L-report, ', ', $L-fulfilment)"/>
        <xsl:with-param name="date" select="string($rollup/@periodEnd)"/>
      </xsl:call-template>
      <xsl:call-template name="bookmarks"><xsl:with-param name="outline" select="$outline"/></xsl:call-template>
      <fo:page-sequence master-reference="document" id="document">
        <xsl:call-template name="furniture">
          <xsl:with-param name="header-left" select="concat($L-report, ' ', $rollup/@year, ', ', $L-kind)"/>
          <xsl:with-param name="header-right" select="$plan-title"/>
          <xsl:with-param name="footer-left" select="$municipality"/>
        </xsl:call-template>
        <fo:flow flow-name="xsl-region-body">
          <fo:block xsl:use-attribute-sets="title"><xsl:value-of select="concat($L-report, ' ', $rollup/@year)"/></fo:block>
          <fo:block xsl:use-attribute-sets="subtitle">
            <xsl:value-of select="concat($L-kind, ' &#183; ', $plan-title, ' &#183; ', $municipality)"/>
          </fo:block>

          <fo:block break-before="page" role="Div">
            <xsl:call-template name="toc"><xsl:with-param name="outline" select="$outline"/></xsl:call-template>
          </fo:block>

          <fo:block break-before="page" role="Div">
            <xsl:call-template name="heading">
              <xsl:with-param name="level" select="1"/><xsl:with-param name="id" select="'summary'"/>
              <xsl:with-param name="text" select="$L-fulfilment"/><xsl:with-param name="outline" select="$outline"/>
            </xsl:call-template>
            <xsl:call-template name="summary-table"/>
          </fo:block>

          <xsl:apply-templates select="/r:rollup/r:perspective"/>

          <xsl:call-template name="heading">
            <xsl:with-param name="level" select="1"/><xsl:with-param name="id" select="'committees'"/>
            <xsl:with-param name="text" select="$L-committee-fulfilment"/><xsl:with-param name="outline" select="$outline"/>
          </xsl:call-template>
          <xsl:apply-templates select="$committees" mode="committee"/>

          <xsl:call-template name="heading">
            <xsl:with-param name="level" select="1"/><xsl:with-param name="id" select="'activities'"/>
            <xsl:with-param name="text" select="$L-activities"/><xsl:with-param name="outline" select="$outline"/>
          </xsl:call-template>
          <xsl:apply-templates select="$activity-goals" mode="activities"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <xsl:template name="assessment-cell">
    <xsl:call-template name="td-status">
      <xsl:with-param name="status" select="string(r:assessment/@status)"/>
      <xsl:with-param name="text"><xsl:call-template name="level"><xsl:with-param name="id" select="string(r:assessment/@level)"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="summary-table">
    <xsl:variable name="goals" select="/r:rollup/r:perspective/r:councilGoal"/>
    <xsl:if test="$goals">
      <fo:table xsl:use-attribute-sets="table">
        <fo:table-column column-width="proportional-column-width(56)"/>
        <fo:table-column column-width="proportional-column-width(26)"/>
        <fo:table-column column-width="proportional-column-width(18)"/>
        <fo:table-header>
          <fo:table-row>
            <xsl:call-template name="th"><xsl:with-param name="text" select="$L-council-goal"/></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="text" select="$L-assessment"/></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'coverage'"/></xsl:call-template></xsl:with-param></xsl:call-template>
          </fo:table-row>
        </fo:table-header>
        <fo:table-body>
          <xsl:for-each select="$goals">
            <fo:table-row>
              <xsl:call-template name="td"><xsl:with-param name="text" select="concat(@id, ' ', @title)"/></xsl:call-template>
              <xsl:call-template name="assessment-cell"/>
              <xsl:call-template name="td"><xsl:with-param name="text" select="concat(r:coverage/@contributing, ' ', $L-of, ' ', r:coverage/@committees)"/></xsl:call-template>
            </fo:table-row>
          </xsl:for-each>
        </fo:table-body>
      </fo:table>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:perspective">
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="1"/><xsl:with-param name="id" select="concat('p-', generate-id())"/>
      <xsl:with-param name="text" select="@name"/><xsl:with-param name="outline" select="$outline"/>
    </xsl:call-template>
    <xsl:apply-templates select="r:councilGoal"/>
  </xsl:template>

  <xsl:template match="r:councilGoal">
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="2"/><xsl:with-param name="id" select="concat('g-', generate-id())"/>
      <xsl:with-param name="text" select="concat(@id, ' ', @title)"/><xsl:with-param name="outline" select="$outline"/>
    </xsl:call-template>
    <xsl:call-template name="paragraph">
      <xsl:with-param name="style" select="'assessment'"/>
      <xsl:with-param name="text">
        <xsl:value-of select="concat($L-assessment, ': ')"/>
        <xsl:call-template name="level"><xsl:with-param name="id" select="string(r:assessment/@level)"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:if test="r:assessment[@manual = 'true']">
      <xsl:call-template name="paragraph">
        <xsl:with-param name="style" select="'small'"/>
        <xsl:with-param name="text">
          <xsl:call-template name="label"><xsl:with-param name="key" select="'manualAssessment'"/></xsl:call-template>
          <xsl:text> (</xsl:text>
          <xsl:call-template name="label"><xsl:with-param name="key" select="'computedAssessment'"/></xsl:call-template>
          <xsl:text>: </xsl:text>
          <xsl:call-template name="level"><xsl:with-param name="id" select="string(r:assessment/@computed)"/></xsl:call-template>
          <xsl:text>)</xsl:text>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="rich-text"><xsl:with-param name="select" select="r:assessment/r:justification"/></xsl:call-template>
    </xsl:if>
    <xsl:call-template name="paragraph">
      <xsl:with-param name="style" select="'small'"/>
      <xsl:with-param name="text">
        <xsl:value-of select="concat(r:coverage/@contributing, ' ', $L-of, ' ', r:coverage/@committees, ' ')"/>
        <xsl:call-template name="label"><xsl:with-param name="key" select="'committeesContributing'"/></xsl:call-template>
        <xsl:value-of select="concat('; ', r:fulfilment/r:level[1]/@goals, ' ', $L-of, ' ', r:fulfilment/@goals, ' ')"/>
        <xsl:call-template name="label"><xsl:with-param name="key" select="'goalsMet'"/></xsl:call-template>
        <xsl:text>.</xsl:text>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="rich-text"><xsl:with-param name="select" select="r:analysis"/></xsl:call-template>

    <xsl:if test="r:indicator">
      <fo:table xsl:use-attribute-sets="table">
        <fo:table-column column-width="proportional-column-width(40)"/>
        <fo:table-column column-width="proportional-column-width(13)"/>
        <fo:table-column column-width="proportional-column-width(12)"/>
        <fo:table-column column-width="proportional-column-width(20)"/>
        <fo:table-column column-width="proportional-column-width(15)"/>
        <fo:table-header>
          <fo:table-row>
            <xsl:call-template name="th"><xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'indicator'"/></xsl:call-template></xsl:with-param></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="align" select="'end'"/><xsl:with-param name="text">
              <xsl:call-template name="label"><xsl:with-param name="key" select="'outcome'"/></xsl:call-template>
              <xsl:value-of select="concat(' ', $rollup/@year)"/>
            </xsl:with-param></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="align" select="'end'"/><xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'target'"/></xsl:call-template></xsl:with-param></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'status'"/></xsl:call-template></xsl:with-param></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'trend'"/></xsl:call-template></xsl:with-param></xsl:call-template>
          </fo:table-row>
        </fo:table-header>
        <fo:table-body>
          <xsl:for-each select="r:indicator">
            <xsl:variable name="d" select="number(concat('0', @decimals))"/>
            <fo:table-row>
              <xsl:call-template name="td"><xsl:with-param name="text" select="concat(@name, ' (', @measure, ')')"/></xsl:call-template>
              <xsl:call-template name="td"><xsl:with-param name="align" select="'end'"/><xsl:with-param name="text">
                <xsl:call-template name="num"><xsl:with-param name="value" select="string(r:status/@outcome)"/><xsl:with-param name="decimals" select="$d"/></xsl:call-template>
              </xsl:with-param></xsl:call-template>
              <xsl:call-template name="td"><xsl:with-param name="align" select="'end'"/><xsl:with-param name="text">
                <xsl:call-template name="num"><xsl:with-param name="value" select="string(r:status/@target)"/><xsl:with-param name="decimals" select="$d"/></xsl:call-template>
              </xsl:with-param></xsl:call-template>
              <xsl:call-template name="td-status">
                <xsl:with-param name="status" select="string(r:status/@value)"/>
                <xsl:with-param name="text">
                  <xsl:if test="string(r:status/@value) != ''"><xsl:call-template name="label"><xsl:with-param name="key" select="string(r:status/@value)"/></xsl:call-template></xsl:if>
                </xsl:with-param>
              </xsl:call-template>
              <xsl:call-template name="td"><xsl:with-param name="text">
                <xsl:if test="string(r:trend/@value) != ''"><xsl:call-template name="label"><xsl:with-param name="key" select="string(r:trend/@value)"/></xsl:call-template></xsl:if>
              </xsl:with-param></xsl:call-template>
            </fo:table-row>
          </xsl:for-each>
        </fo:table-body>
      </fo:table>
    </xsl:if>
    <xsl:for-each select="r:indicator">
      <xsl:call-template name="indicator-chart">
        <xsl:with-param name="W" select="330"/><xsl:with-param name="H" select="150"/>
      </xsl:call-template>
    </xsl:for-each>

    <xsl:if test="r:goal">
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="3"/>
        <xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'committeeContributions'"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <fo:table xsl:use-attribute-sets="table">
        <fo:table-column column-width="proportional-column-width(24)"/>
        <fo:table-column column-width="proportional-column-width(44)"/>
        <fo:table-column column-width="proportional-column-width(20)"/>
        <fo:table-column column-width="proportional-column-width(12)"/>
        <fo:table-header>
          <fo:table-row>
            <xsl:call-template name="th"><xsl:with-param name="text" select="$L-committee"/></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="text" select="$L-goal"/></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="text" select="$L-assessment"/></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="align" select="'end'"/><xsl:with-param name="text" select="$L-activities"/></xsl:call-template>
          </fo:table-row>
        </fo:table-header>
        <fo:table-body>
          <xsl:for-each select="r:goal">
            <fo:table-row>
              <xsl:call-template name="td"><xsl:with-param name="text" select="@unitName"/></xsl:call-template>
              <xsl:call-template name="td"><xsl:with-param name="text" select="concat(@id, ' ', @title)"/></xsl:call-template>
              <xsl:call-template name="assessment-cell"/>
              <xsl:call-template name="td"><xsl:with-param name="align" select="'end'"/>
                <xsl:with-param name="text" select="concat(r:activitySummary/@completed, '/', r:activitySummary/@total)"/></xsl:call-template>
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
        <fo:table-column column-width="proportional-column-width(55)"/>
        <fo:table-column column-width="proportional-column-width(15)"/>
        <fo:table-column column-width="proportional-column-width(15)"/>
        <fo:table-column column-width="proportional-column-width(15)"/>
        <fo:table-header>
          <fo:table-row>
            <xsl:call-template name="th"><xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'objective'"/></xsl:call-template></xsl:with-param></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="align" select="'end'"/><xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'progress'"/></xsl:call-template></xsl:with-param></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="align" select="'end'"/><xsl:with-param name="text" select="$L-activities"/></xsl:call-template>
            <xsl:call-template name="th"><xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'due'"/></xsl:call-template></xsl:with-param></xsl:call-template>
          </fo:table-row>
        </fo:table-header>
        <fo:table-body>
          <xsl:for-each select="r:objective | r:objective/r:objective">
            <fo:table-row>
              <xsl:call-template name="td"><xsl:with-param name="text" select="@title"/></xsl:call-template>
              <xsl:call-template name="td"><xsl:with-param name="align" select="'end'"/><xsl:with-param name="text">
                <xsl:call-template name="num"><xsl:with-param name="value" select="string(r:progress/@share)"/><xsl:with-param name="decimals" select="2"/></xsl:call-template>
              </xsl:with-param></xsl:call-template>
              <xsl:call-template name="td"><xsl:with-param name="align" select="'end'"/>
                <xsl:with-param name="text" select="concat(r:actionSummary/@completed, '/', r:actionSummary/@total)"/></xsl:call-template>
              <xsl:call-template name="td"><xsl:with-param name="text" select="@deadline"/></xsl:call-template>
            </fo:table-row>
          </xsl:for-each>
        </fo:table-body>
      </fo:table>
    </xsl:if>
  </xsl:template>

  <!-- One committee: its goals with assessment and activities, then each goal's analysis. -->
  <xsl:template match="r:unit" mode="committee">
    <xsl:variable name="goals" select="key('committee-goals', @id)"/>
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="2"/><xsl:with-param name="id" select="concat('c-', generate-id())"/>
      <xsl:with-param name="text" select="@name"/><xsl:with-param name="outline" select="$outline"/>
    </xsl:call-template>
    <fo:table xsl:use-attribute-sets="table">
      <fo:table-column column-width="proportional-column-width(48)"/>
      <fo:table-column column-width="proportional-column-width(12)"/>
      <fo:table-column column-width="proportional-column-width(25)"/>
      <fo:table-column column-width="proportional-column-width(15)"/>
      <fo:table-header>
        <fo:table-row>
          <xsl:call-template name="th"><xsl:with-param name="text" select="$L-goal"/></xsl:call-template>
          <xsl:call-template name="th"><xsl:with-param name="text" select="$L-council-goal"/></xsl:call-template>
          <xsl:call-template name="th"><xsl:with-param name="text" select="$L-assessment"/></xsl:call-template>
          <xsl:call-template name="th"><xsl:with-param name="align" select="'end'"/><xsl:with-param name="text" select="$L-activities"/></xsl:call-template>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:for-each select="$goals">
          <fo:table-row>
            <xsl:call-template name="td"><xsl:with-param name="text" select="concat(@id, ' ', @title)"/></xsl:call-template>
            <xsl:call-template name="td"><xsl:with-param name="text" select="@parent"/></xsl:call-template>
            <xsl:call-template name="assessment-cell"/>
            <xsl:call-template name="td"><xsl:with-param name="align" select="'end'"/>
              <xsl:with-param name="text" select="concat(r:activitySummary/@completed, '/', r:activitySummary/@total)"/></xsl:call-template>
          </fo:table-row>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
    <xsl:for-each select="$goals[r:analysis]">
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="3"/><xsl:with-param name="text" select="concat(@id, ' ', @title)"/>
      </xsl:call-template>
      <xsl:call-template name="rich-text"><xsl:with-param name="select" select="r:analysis"/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- One committee goal's activities, its unit goals' included. -->
  <xsl:template match="r:goal" mode="activities">
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="2"/><xsl:with-param name="id" select="concat('a-', generate-id())"/>
      <xsl:with-param name="text" select="concat(@unitName, ': ', @id, ' ', @title)"/>
      <xsl:with-param name="outline" select="$outline"/>
    </xsl:call-template>
    <fo:table xsl:use-attribute-sets="table">
      <fo:table-column column-width="proportional-column-width(46)"/>
      <fo:table-column column-width="proportional-column-width(22)"/>
      <fo:table-column column-width="proportional-column-width(14)"/>
      <fo:table-column column-width="proportional-column-width(18)"/>
      <fo:table-header>
        <fo:table-row>
          <xsl:call-template name="th"><xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'activity'"/></xsl:call-template></xsl:with-param></xsl:call-template>
          <xsl:call-template name="th"><xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'owner'"/></xsl:call-template></xsl:with-param></xsl:call-template>
          <xsl:call-template name="th"><xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'due'"/></xsl:call-template></xsl:with-param></xsl:call-template>
          <xsl:call-template name="th"><xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="'status'"/></xsl:call-template></xsl:with-param></xsl:call-template>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:for-each select=".//r:activity">
          <fo:table-row>
            <xsl:call-template name="td"><xsl:with-param name="text" select="@title"/></xsl:call-template>
            <xsl:call-template name="td"><xsl:with-param name="text" select="@owner"/></xsl:call-template>
            <xsl:call-template name="td"><xsl:with-param name="text" select="@due"/></xsl:call-template>
            <xsl:call-template name="td"><xsl:with-param name="text"><xsl:call-template name="label"><xsl:with-param name="key" select="string(@status)"/></xsl:call-template></xsl:with-param></xsl:call-template>
          </fo:table-row>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
  </xsl:template>

</xsl:stylesheet>
