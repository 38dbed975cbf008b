<?xml version="1.0" encoding="UTF-8"?>
<!--
  Inline SVG drawings without font metrics: text widths are estimated from DejaVu Sans's advance
  widths by character class, which is enough to wrap titles inside boxes and to leave room for
  labels. Then the indicator chart, after rodtrad's drawIndicatorChart (layout/chart.cpp): outcomes
  by year as bars (or a line), the period's target (solid) and yellow limit (dashed) labelled at
  the right, nice ticks of 1, 2 or 5 x 10^n, missing years as gaps marked "saknas", the name,
  measure and status in words on top, and an alternative text in the same words as rodtrad's.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rodtrad:rollup:1"
                xmlns:exsl="http://exslt.org/common"
                exclude-result-prefixes="r exsl">

  <!-- DejaVu Sans: ascent 0.928 em, descent 0.236 em -->
  <xsl:variable name="asc" select="0.928"/>
  <xsl:variable name="desc" select="0.236"/>

  <!-- Estimated width in em of a string in DejaVu Sans (regular); bold is about 12 % wider. -->
  <xsl:template name="text-em">
    <xsl:param name="s"/>
    <xsl:variable name="len" select="string-length($s)"/>
    <xsl:variable name="n1" select="$len - string-length(translate($s, ' ilj.,:;|!I&#160;', ''))"/>
    <xsl:variable name="n2" select="$len - string-length(translate($s, 'ftr()[]-/', ''))"/>
    <xsl:variable name="n3" select="$len - string-length(translate($s, 'mwMW%', ''))"/>
    <xsl:variable name="n4" select="$len - string-length(translate($s, 'ABCDEFGHJKLNOPQRSTUVXYZÅÄÖÉÜ', ''))"/>
    <xsl:value-of select="0.31 * $n1 + 0.39 * $n2 + 0.93 * $n3 + 0.72 * $n4 + 0.615 * ($len - $n1 - $n2 - $n3 - $n4)"/>
  </xsl:template>

  <xsl:template name="text-width">
    <xsl:param name="s"/>
    <xsl:param name="size"/>
    <xsl:param name="bold" select="false()"/>
    <xsl:variable name="em"><xsl:call-template name="text-em"><xsl:with-param name="s" select="$s"/></xsl:call-template></xsl:variable>
    <xsl:value-of select="$em * $size * (1 + 0.12 * number(boolean($bold)))"/>
  </xsl:template>

  <!-- Greedy word wrap into <l> elements; an over-long word is broken with a hyphen. Each word
       is measured once; the line's width is carried along. -->
  <xsl:template name="wrap">
    <xsl:param name="text"/>
    <xsl:param name="width"/>
    <xsl:param name="size"/>
    <xsl:param name="bold" select="false()"/>
    <xsl:param name="line" select="''"/>
    <xsl:param name="line-w" select="0"/>
    <xsl:choose>
      <xsl:when test="$text = ''">
        <xsl:if test="$line != ''"><l><xsl:value-of select="$line"/></l></xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="word" select="substring-before(concat($text, ' '), ' ')"/>
        <xsl:variable name="rest" select="substring-after($text, ' ')"/>
        <xsl:variable name="factor" select="$size * (1 + 0.12 * number(boolean($bold)))"/>
        <!-- text-em, inlined: a template call and its result tree fragment per word cost more -->
        <xsl:variable name="len" select="string-length($word)"/>
        <xsl:variable name="n1" select="$len - string-length(translate($word, ' ilj.,:;|!I&#160;', ''))"/>
        <xsl:variable name="n2" select="$len - string-length(translate($word, 'ftr()[]-/', ''))"/>
        <xsl:variable name="n3" select="$len - string-length(translate($word, 'mwMW%', ''))"/>
        <xsl:variable name="n4" select="$len - string-length(translate($word, 'ABCDEFGHJKLNOPQRSTUVXYZÅÄÖÉÜ', ''))"/>
        <xsl:variable name="em" select="0.31 * $n1 + 0.39 * $n2 + 0.93 * $n3 + 0.72 * $n4 + 0.615 * ($len - $n1 - $n2 - $n3 - $n4)"/>
        <xsl:variable name="w" select="$line-w + (0.31 * number($line != '') + $em) * $factor"/>
        <xsl:choose>
          <xsl:when test="$w &lt;= $width">
            <xsl:call-template name="wrap">
              <xsl:with-param name="text" select="$rest"/><xsl:with-param name="width" select="$width"/>
              <xsl:with-param name="size" select="$size"/><xsl:with-param name="bold" select="$bold"/>
              <xsl:with-param name="line" select="concat($line, substring(' ', 1, number($line != '')), $word)"/>
              <xsl:with-param name="line-w" select="$w"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:when test="$line != ''">
            <l><xsl:value-of select="$line"/></l>
            <xsl:call-template name="wrap">
              <xsl:with-param name="text" select="$text"/><xsl:with-param name="width" select="$width"/>
              <xsl:with-param name="size" select="$size"/><xsl:with-param name="bold" select="$bold"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <!-- one word wider than the line: as many characters as fit, a hyphen, the rest on -->
            <xsl:variable name="fit" select="floor($width div ($size * 0.66 * (1 + 0.12 * number(boolean($bold))))) - 1"/>
            <xsl:variable name="cut">
              <xsl:choose>
                <xsl:when test="$fit &lt; 1">1</xsl:when>
                <xsl:when test="string-length($word) - $fit &lt; 3 and string-length($word) &gt;= 6"><xsl:value-of select="string-length($word) - 3"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$fit"/></xsl:otherwise>
              </xsl:choose>
            </xsl:variable>
            <l><xsl:value-of select="concat(substring($word, 1, $cut), '-')"/></l>
            <xsl:call-template name="wrap">
              <xsl:with-param name="text" select="normalize-space(concat(substring($word, $cut + 1), ' ', $rest))"/>
              <xsl:with-param name="width" select="$width"/><xsl:with-param name="size" select="$size"/>
              <xsl:with-param name="bold" select="$bold"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Wrapped to at most max lines; what does not fit ends in an ellipsis. -->
  <xsl:template name="wrap-lines">
    <xsl:param name="text"/>
    <xsl:param name="width"/>
    <xsl:param name="size"/>
    <xsl:param name="bold" select="false()"/>
    <xsl:param name="max" select="2"/>
    <xsl:variable name="all">
      <xsl:call-template name="wrap">
        <xsl:with-param name="text" select="normalize-space($text)"/><xsl:with-param name="width" select="$width"/>
        <xsl:with-param name="size" select="$size"/><xsl:with-param name="bold" select="$bold"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="lines" select="exsl:node-set($all)/l"/>
    <xsl:choose>
      <xsl:when test="count($lines) &lt;= $max"><xsl:copy-of select="$lines"/></xsl:when>
      <xsl:otherwise>
        <xsl:copy-of select="$lines[position() &lt; $max]"/>
        <xsl:variable name="last">
          <xsl:for-each select="$lines[position() &gt;= $max]"><xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if><xsl:value-of select="."/></xsl:for-each>
        </xsl:variable>
        <l>
          <xsl:call-template name="ellipsize">
            <xsl:with-param name="s" select="string($last)"/><xsl:with-param name="width" select="$width"/>
            <xsl:with-param name="size" select="$size"/><xsl:with-param name="bold" select="$bold"/>
          </xsl:call-template>
        </l>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="ellipsize">
    <xsl:param name="s"/>
    <xsl:param name="width"/>
    <xsl:param name="size"/>
    <xsl:param name="bold" select="false()"/>
    <xsl:variable name="w">
      <xsl:call-template name="text-width">
        <xsl:with-param name="s" select="concat($s, '…')"/><xsl:with-param name="size" select="$size"/><xsl:with-param name="bold" select="$bold"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$w &lt;= $width or string-length($s) &lt;= 1"><xsl:value-of select="concat(normalize-space($s), '…')"/></xsl:when>
      <xsl:otherwise>
        <!-- drop about as many characters as the overflow is wide, at least one -->
        <xsl:variable name="drop" select="floor(($w - $width) div ($size * 0.7)) + 1"/>
        <xsl:call-template name="ellipsize">
          <xsl:with-param name="s" select="substring($s, 1, string-length($s) - $drop)"/><xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="size" select="$size"/><xsl:with-param name="bold" select="$bold"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A coordinate with at most two decimals -->
  <xsl:template name="c">
    <xsl:param name="v"/>
    <xsl:value-of select="format-number($v, '0.##')"/>
  </xsl:template>

  <xsl:template name="pow10">
    <xsl:param name="e"/>
    <xsl:param name="acc" select="1"/>
    <xsl:choose>
      <xsl:when test="$e &gt; 0"><xsl:call-template name="pow10"><xsl:with-param name="e" select="$e - 1"/><xsl:with-param name="acc" select="$acc * 10"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:value-of select="$acc"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- floor(log10(x)) for x > 0 -->
  <xsl:template name="log10-floor">
    <xsl:param name="x"/>
    <xsl:param name="e" select="0"/>
    <xsl:choose>
      <xsl:when test="$x &gt;= 10 and $e &lt; 300"><xsl:call-template name="log10-floor"><xsl:with-param name="x" select="$x div 10"/><xsl:with-param name="e" select="$e + 1"/></xsl:call-template></xsl:when>
      <xsl:when test="$x &lt; 1 and $e &gt; -300"><xsl:call-template name="log10-floor"><xsl:with-param name="x" select="$x * 10"/><xsl:with-param name="e" select="$e - 1"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:value-of select="$e"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Ticks at multiples of 1, 2 or 5 x 10^n: the smallest step that needs at most six ticks. -->
  <xsl:template name="nice-axis">
    <xsl:param name="low"/>
    <xsl:param name="high"/>
    <xsl:variable name="abs-high" select="$high * (1 - 2 * number($high &lt; 0))"/>
    <xsl:variable name="flat" select="$high - $low &lt; 0.000001 * (1 + ($abs-high - 1) * number($abs-high &gt; 1))"/>
    <xsl:variable name="spread">
      <xsl:choose>
        <xsl:when test="$abs-high &gt; 0.000000000001"><xsl:value-of select="$abs-high * 0.1"/></xsl:when>
        <xsl:otherwise>1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="lo">
      <xsl:choose>
        <xsl:when test="$flat and $low = 0">0</xsl:when>
        <xsl:when test="$flat"><xsl:value-of select="$low - $spread"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$low"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="hi">
      <xsl:choose>
        <xsl:when test="$flat"><xsl:value-of select="$high + $spread"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$high"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="lg"><xsl:call-template name="log10-floor"><xsl:with-param name="x" select="$hi - $lo"/></xsl:call-template></xsl:variable>
    <xsl:call-template name="nice-step">
      <xsl:with-param name="low" select="number($lo)"/>
      <xsl:with-param name="high" select="number($hi)"/>
      <xsl:with-param name="e" select="$lg - 2"/>
      <xsl:with-param name="m" select="1"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="nice-step">
    <xsl:param name="low"/>
    <xsl:param name="high"/>
    <xsl:param name="e"/>
    <xsl:param name="m"/>
    <xsl:variable name="unit"><xsl:call-template name="pow10"><xsl:with-param name="e" select="$e * (1 - 2 * number($e &lt; 0))"/></xsl:call-template></xsl:variable>
    <xsl:variable name="step">
      <xsl:choose>
        <xsl:when test="$e &lt; 0"><xsl:value-of select="$m div $unit"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$m * $unit"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="first" select="floor($low div $step + 0.000000001)"/>
    <xsl:variable name="last" select="ceiling($high div $step - 0.000000001)"/>
    <xsl:choose>
      <xsl:when test="$last - $first + 1 &lt;= 6 or $e &gt; 300">
        <axis decimals="{(0 - $e) * number($e &lt; 0)}">
          <xsl:call-template name="ticks">
            <xsl:with-param name="k" select="$first"/><xsl:with-param name="last" select="$last"/>
            <xsl:with-param name="m" select="$m"/><xsl:with-param name="unit" select="$unit"/><xsl:with-param name="neg" select="$e &lt; 0"/>
          </xsl:call-template>
        </axis>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="nice-step">
          <xsl:with-param name="low" select="$low"/><xsl:with-param name="high" select="$high"/>
          <xsl:with-param name="e" select="$e + number($m = 5)"/>
          <xsl:with-param name="m">
            <xsl:choose>
              <xsl:when test="$m = 1">2</xsl:when>
              <xsl:when test="$m = 2">5</xsl:when>
              <xsl:otherwise>1</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="ticks">
    <xsl:param name="k"/>
    <xsl:param name="last"/>
    <xsl:param name="m"/>
    <xsl:param name="unit"/>
    <xsl:param name="neg"/>
    <xsl:if test="$k &lt;= $last">
      <t>
        <xsl:choose>
          <xsl:when test="$neg"><xsl:value-of select="$k * $m div $unit"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$k * $m * $unit"/></xsl:otherwise>
        </xsl:choose>
      </t>
      <xsl:call-template name="ticks">
        <xsl:with-param name="k" select="$k + 1"/><xsl:with-param name="last" select="$last"/>
        <xsl:with-param name="m" select="$m"/><xsl:with-param name="unit" select="$unit"/><xsl:with-param name="neg" select="$neg"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="status-word">
    <xsl:param name="status"/>
    <xsl:choose>
      <xsl:when test="$status = 'green'">grön</xsl:when>
      <xsl:when test="$status = 'yellow'">gul</xsl:when>
      <xsl:when test="$status = 'red'">röd</xsl:when>
      <xsl:otherwise>kan inte bedömas</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="status-colour">
    <xsl:param name="status"/>
    <xsl:choose>
      <xsl:when test="$status = 'green'">#2E7D32</xsl:when>
      <xsl:when test="$status = 'yellow'">#F9A825</xsl:when>
      <xsl:when test="$status = 'red'">#C62828</xsl:when>
      <xsl:otherwise>#9E9E9E</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The series: one <s year=".." v=".."/> per year (v absent for a gap), ascending, years
       missing between reported ones (up to ten) filled in as gaps. -->
  <xsl:template name="series">
    <xsl:variable name="points" select="r:consolidated | r:outcome"/>
    <xsl:variable name="years-rtf">
      <xsl:for-each select="$points">
        <xsl:sort select="@year" data-type="number"/>
        <xsl:variable name="y" select="@year"/>
        <xsl:if test="not(preceding-sibling::*[self::r:consolidated or self::r:outcome][@year = $y])">
          <xsl:variable name="o" select="$points[self::r:outcome][@year = $y][string(number(@value)) != 'NaN']"/>
          <xsl:variable name="c" select="$points[self::r:consolidated][@year = $y]"/>
          <s year="{$y}">
            <xsl:choose>
              <xsl:when test="$o"><xsl:attribute name="v"><xsl:value-of select="$o[last()]/@value"/></xsl:attribute></xsl:when>
              <xsl:when test="$c and string(number($c[last()]/@value)) != 'NaN'"><xsl:attribute name="v"><xsl:value-of select="$c[last()]/@value"/></xsl:attribute></xsl:when>
            </xsl:choose>
          </s>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="exsl:node-set($years-rtf)/s">
      <xsl:variable name="prev" select="preceding-sibling::s[1]/@year"/>
      <xsl:if test="$prev and @year - $prev &gt; 1 and @year - $prev &lt;= 10">
        <xsl:call-template name="gap-years"><xsl:with-param name="from" select="$prev + 1"/><xsl:with-param name="to" select="@year - 1"/></xsl:call-template>
      </xsl:if>
      <xsl:copy-of select="."/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="gap-years">
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:if test="$from &lt;= $to">
      <s year="{$from}"/>
      <xsl:call-template name="gap-years"><xsl:with-param name="from" select="$from + 1"/><xsl:with-param name="to" select="$to"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- <chart kind="bar" width="330" height="150"/> for the context indicator -->
  <xsl:template name="indicator-chart">
    <xsl:param name="kind" select="'bar'"/>
    <xsl:param name="width" select="330"/>
    <xsl:param name="height" select="150"/>
    <xsl:variable name="series-rtf"><xsl:call-template name="series"/></xsl:variable>
    <xsl:variable name="series" select="exsl:node-set($series-rtf)/s"/>
    <xsl:if test="$series">
      <xsl:variable name="decimals">
        <xsl:choose>
          <xsl:when test="number(@decimals) &gt; 6">6</xsl:when>
          <xsl:when test="number(@decimals) &gt;= 0"><xsl:value-of select="floor(number(@decimals))"/></xsl:when>
          <xsl:when test="number(@decimals) &lt; 0">0</xsl:when>
          <xsl:otherwise>1</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="status-year" select="string(r:status/@year)"/>
      <xsl:variable name="status" select="string(r:status/@value)"/>
      <xsl:variable name="target-node" select="r:target[@year = $status-year][1]"/>
      <xsl:variable name="has-target" select="string(number($target-node/@value)) != 'NaN'"/>
      <xsl:variable name="has-yellow" select="string(number($target-node/@yellow)) != 'NaN'"/>
      <xsl:variable name="measure" select="normalize-space(@measure)"/>
      <xsl:variable name="status-word"><xsl:call-template name="status-word"><xsl:with-param name="status" select="$status"/></xsl:call-template></xsl:variable>

      <!-- the alternative text, as rodtrad words it -->
      <xsl:variable name="alt">
        <xsl:text>Utfall </xsl:text>
        <xsl:value-of select="$series[1]/@year"/>
        <xsl:if test="count($series) &gt; 1"><xsl:value-of select="concat('–', $series[last()]/@year)"/></xsl:if>
        <xsl:text>: </xsl:text>
        <xsl:for-each select="$series">
          <xsl:if test="position() &gt; 1">; </xsl:if>
          <xsl:choose>
            <xsl:when test="@v"><xsl:call-template name="num"><xsl:with-param name="value" select="@v"/><xsl:with-param name="decimals" select="$decimals"/></xsl:call-template></xsl:when>
            <xsl:otherwise>saknas</xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:if test="$measure != ''"><xsl:value-of select="concat(' ', $measure)"/></xsl:if>
        <xsl:choose>
          <xsl:when test="$has-target">
            <xsl:text>; mål </xsl:text>
            <xsl:call-template name="num"><xsl:with-param name="value" select="$target-node/@value"/><xsl:with-param name="decimals" select="$decimals"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise>; mål saknas</xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="concat('; status ', $status-word)"/>
      </xsl:variable>

      <!-- axis over every outcome, the target and the limit; bars grow from zero -->
      <xsl:variable name="extent-rtf">
        <xsl:for-each select="$series[@v]"><e><xsl:value-of select="@v"/></e></xsl:for-each>
        <xsl:if test="$has-target"><e><xsl:value-of select="$target-node/@value"/></e></xsl:if>
        <xsl:if test="$has-yellow"><e><xsl:value-of select="$target-node/@yellow"/></e></xsl:if>
        <xsl:if test="$kind = 'bar' or not($series[@v] or $has-target or $has-yellow)"><e>0</e></xsl:if>
      </xsl:variable>
      <xsl:variable name="extent" select="exsl:node-set($extent-rtf)/e"/>
      <xsl:variable name="low"><xsl:for-each select="$extent"><xsl:sort select="." data-type="number"/><xsl:if test="position() = 1"><xsl:value-of select="number(.)"/></xsl:if></xsl:for-each></xsl:variable>
      <xsl:variable name="high"><xsl:for-each select="$extent"><xsl:sort select="." data-type="number" order="descending"/><xsl:if test="position() = 1"><xsl:value-of select="number(.)"/></xsl:if></xsl:for-each></xsl:variable>
      <xsl:variable name="axis-rtf">
        <xsl:call-template name="nice-axis"><xsl:with-param name="low" select="number($low)"/><xsl:with-param name="high" select="number($high)"/></xsl:call-template>
      </xsl:variable>
      <xsl:variable name="axis" select="exsl:node-set($axis-rtf)/axis"/>
      <xsl:variable name="a-low" select="number($axis/t[1])"/>
      <xsl:variable name="a-high" select="number($axis/t[last()])"/>
      <xsl:variable name="tick-labels-rtf">
        <xsl:for-each select="$axis/t">
          <xsl:variable name="label"><xsl:call-template name="num"><xsl:with-param name="value" select="."/><xsl:with-param name="decimals" select="$axis/@decimals"/></xsl:call-template></xsl:variable>
          <tl v="{.}" w="{string-length($label) * 7 * 0.636}"><xsl:value-of select="$label"/></tl>
        </xsl:for-each>
      </xsl:variable>
      <xsl:variable name="tick-labels" select="exsl:node-set($tick-labels-rtf)/tl"/>
      <xsl:variable name="tick-w"><xsl:for-each select="$tick-labels"><xsl:sort select="@w" data-type="number" order="descending"/><xsl:if test="position() = 1"><xsl:value-of select="@w"/></xsl:if></xsl:for-each></xsl:variable>
      <xsl:variable name="plot-left" select="2 + $tick-w + 2 + 3"/>

      <xsl:variable name="refs-rtf">
        <xsl:if test="$has-target">
          <xsl:variable name="label">
            <xsl:text>Mål</xsl:text>
            <xsl:if test="number($status-year) &gt; 0"><xsl:value-of select="concat(' ', $status-year)"/></xsl:if>
            <xsl:text>: </xsl:text>
            <xsl:call-template name="num"><xsl:with-param name="value" select="$target-node/@value"/><xsl:with-param name="decimals" select="$decimals"/></xsl:call-template>
          </xsl:variable>
          <ref v="{number($target-node/@value)}" line="#1F3864" text="#1F3864" width="1.1" dash="" label="{$label}">
            <xsl:attribute name="w"><xsl:call-template name="text-width"><xsl:with-param name="s" select="$label"/><xsl:with-param name="size" select="7"/></xsl:call-template></xsl:attribute>
          </ref>
        </xsl:if>
        <xsl:if test="$has-yellow">
          <xsl:variable name="label">
            <xsl:text>Gul gräns: </xsl:text>
            <xsl:call-template name="num"><xsl:with-param name="value" select="$target-node/@yellow"/><xsl:with-param name="decimals" select="$decimals"/></xsl:call-template>
          </xsl:variable>
          <ref v="{number($target-node/@yellow)}" line="#B8860B" text="#7A5A00" width="0.9" dash="3 2" label="{$label}">
            <xsl:attribute name="w"><xsl:call-template name="text-width"><xsl:with-param name="s" select="$label"/><xsl:with-param name="size" select="7"/></xsl:call-template></xsl:attribute>
          </ref>
        </xsl:if>
      </xsl:variable>
      <xsl:variable name="refs" select="exsl:node-set($refs-rtf)/ref"/>
      <xsl:variable name="ref-w"><xsl:for-each select="$refs"><xsl:sort select="@w" data-type="number" order="descending"/><xsl:if test="position() = 1"><xsl:value-of select="@w"/></xsl:if></xsl:for-each></xsl:variable>
      <xsl:variable name="plot-right">
        <xsl:choose>
          <xsl:when test="$refs"><xsl:value-of select="$width - 2 - $ref-w - 4"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$width - 2"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>

      <!-- header: name (bold 8 pt, two lines at most), measure and status in words (7 pt) -->
      <xsl:variable name="inner" select="$width - 4"/>
      <xsl:variable name="status-text" select="concat('Status: ', $status-word)"/>
      <xsl:variable name="status-w"><xsl:call-template name="text-width"><xsl:with-param name="s" select="$status-text"/><xsl:with-param name="size" select="7"/></xsl:call-template></xsl:variable>
      <xsl:variable name="measure-w"><xsl:call-template name="text-width"><xsl:with-param name="s" select="$measure"/><xsl:with-param name="size" select="7"/></xsl:call-template></xsl:variable>
      <xsl:variable name="status-own-line" select="$measure != '' and $measure-w + 9 + $status-w + 8 &gt; $inner"/>
      <xsl:variable name="measure-lines-rtf">
        <xsl:if test="$measure != ''">
          <xsl:choose>
            <xsl:when test="$status-own-line">
              <xsl:call-template name="wrap-lines"><xsl:with-param name="text" select="$measure"/><xsl:with-param name="width" select="$inner"/><xsl:with-param name="size" select="7"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise><l><xsl:value-of select="$measure"/></l></xsl:otherwise>
          </xsl:choose>
        </xsl:if>
      </xsl:variable>
      <xsl:variable name="measure-lines" select="exsl:node-set($measure-lines-rtf)/l"/>
      <xsl:variable name="caption-lines" select="1 + count($measure-lines) * number($status-own-line)"/>
      <xsl:variable name="title-lines-rtf">
        <xsl:if test="normalize-space(@name) != ''">
          <xsl:call-template name="wrap-lines"><xsl:with-param name="text" select="@name"/><xsl:with-param name="width" select="$inner"/><xsl:with-param name="size" select="8"/><xsl:with-param name="bold" select="true()"/></xsl:call-template>
        </xsl:if>
      </xsl:variable>
      <xsl:variable name="title-lines" select="exsl:node-set($title-lines-rtf)/l"/>
      <xsl:variable name="title-h" select="8 * ($asc + $desc) + 1"/>
      <xsl:variable name="row-h" select="7 * ($asc + $desc) + 1"/>
      <xsl:variable name="t-asc" select="7 * $asc"/>
      <xsl:variable name="t-desc" select="7 * $desc"/>
      <xsl:variable name="t-centre" select="7 * ($asc - $desc) div 2"/>
      <xsl:variable name="year-base" select="$height - 2 - $t-desc"/>
      <xsl:variable name="plot-bottom" select="$year-base - $t-asc - 3"/>
      <!-- a short box gives the plot the title's room -->
      <xsl:variable name="n-title">
        <xsl:choose>
          <xsl:when test="$plot-bottom - (2 + count($title-lines) * $title-h + $caption-lines * $row-h + 3 + 3.5 * ($asc + $desc)) &gt;= 30"><xsl:value-of select="count($title-lines)"/></xsl:when>
          <xsl:when test="$plot-bottom - (2 + 1 * $title-h + $caption-lines * $row-h + 3 + 3.5 * ($asc + $desc)) &gt;= 30 and count($title-lines) &gt; 0">1</xsl:when>
          <xsl:otherwise>0</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="plot-top" select="2 + $n-title * $title-h + $caption-lines * $row-h + 3 + 3.5 * ($asc + $desc)"/>
      <xsl:variable name="plot-h" select="$plot-bottom - $plot-top"/>
      <xsl:variable name="a-span" select="$a-high - $a-low"/>
      <xsl:variable name="zero">
        <xsl:choose>
          <xsl:when test="0 &lt; $a-low"><xsl:value-of select="$a-low"/></xsl:when>
          <xsl:when test="0 &gt; $a-high"><xsl:value-of select="$a-high"/></xsl:when>
          <xsl:otherwise>0</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="zero-y" select="$plot-bottom - ($zero - $a-low) div $a-span * $plot-h"/>
      <xsl:variable name="n" select="count($series)"/>
      <xsl:variable name="slot" select="($plot-right - $plot-left) div $n"/>
      <xsl:variable name="status-colour"><xsl:call-template name="status-colour"><xsl:with-param name="status" select="$status"/></xsl:call-template></xsl:variable>

      <figure class="chart" role="img" aria-label="{$alt}">
        <svg width="{$width}pt" height="{$height}pt" viewBox="0 0 {$width} {$height}">
          <title><xsl:value-of select="$alt"/></title>
          <!-- header -->
          <xsl:for-each select="$title-lines[position() &lt;= $n-title]">
            <text x="2" y="{format-number(2 + (position() - 1) * $title-h + 8 * $asc, '0.##')}" font-size="8" font-weight="bold" fill="#262626"><xsl:value-of select="."/></text>
          </xsl:for-each>
          <xsl:variable name="cursor" select="2 + $n-title * $title-h"/>
          <xsl:for-each select="$measure-lines">
            <text x="2" y="{format-number($cursor + (position() - 1) * $row-h * number($status-own-line) + $t-asc, '0.##')}" font-size="7" fill="#595959"><xsl:value-of select="."/></text>
          </xsl:for-each>
          <xsl:variable name="status-top" select="$cursor + count($measure-lines) * $row-h * number($status-own-line)"/>
          <xsl:variable name="status-x">
            <xsl:choose>
              <xsl:when test="$status-own-line or $measure = ''">2</xsl:when>
              <xsl:otherwise><xsl:value-of select="$width - 2 - $status-w - 8"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <rect x="{format-number($status-x, '0.##')}" y="{format-number($status-top + $t-asc - $t-centre - 2.5, '0.##')}" width="5" height="5" fill="{$status-colour}"/>
          <text x="{format-number($status-x + 8, '0.##')}" y="{format-number($status-top + $t-asc, '0.##')}" font-size="7" fill="#262626"><xsl:value-of select="$status-text"/></text>

          <!-- grid, ticks and axes -->
          <xsl:for-each select="$tick-labels">
            <xsl:variable name="y" select="$plot-bottom - (@v - $a-low) div $a-span * $plot-h"/>
            <xsl:if test="position() &gt; 1">
              <line x1="{format-number($plot-left, '0.##')}" y1="{format-number($y, '0.##')}" x2="{format-number($plot-right, '0.##')}" y2="{format-number($y, '0.##')}" stroke="#E1E4E8" stroke-width="0.4"/>
            </xsl:if>
            <line x1="{format-number($plot-left - 3, '0.##')}" y1="{format-number($y, '0.##')}" x2="{format-number($plot-left, '0.##')}" y2="{format-number($y, '0.##')}" stroke="#7F7F7F" stroke-width="0.5"/>
            <text x="{format-number($plot-left - 5, '0.##')}" y="{format-number($y + $t-centre, '0.##')}" font-size="7" fill="#595959" text-anchor="end"><xsl:value-of select="."/></text>
          </xsl:for-each>
          <line x1="{format-number($plot-left, '0.##')}" y1="{format-number($plot-top, '0.##')}" x2="{format-number($plot-left, '0.##')}" y2="{format-number($plot-bottom, '0.##')}" stroke="#7F7F7F" stroke-width="0.5"/>
          <line x1="{format-number($plot-left, '0.##')}" y1="{format-number($plot-bottom, '0.##')}" x2="{format-number($plot-right, '0.##')}" y2="{format-number($plot-bottom, '0.##')}" stroke="#7F7F7F" stroke-width="0.6"/>
          <xsl:if test="$kind = 'bar' and $a-low &lt; 0 and $a-high &gt; 0">
            <line x1="{format-number($plot-left, '0.##')}" y1="{format-number($zero-y, '0.##')}" x2="{format-number($plot-right, '0.##')}" y2="{format-number($zero-y, '0.##')}" stroke="#7F7F7F" stroke-width="0.6"/>
          </xsl:if>

          <!-- outcomes, one slot per year; a gap is marked, never drawn as zero -->
          <xsl:variable name="missing-fits" select="22.7 &lt;= $slot - 2"/>
          <xsl:for-each select="$series">
            <xsl:variable name="centre" select="$plot-left + $slot * (position() - 0.5)"/>
            <xsl:choose>
              <xsl:when test="not(@v)">
                <text x="{format-number($centre, '0.##')}" text-anchor="middle" fill="#595959">
                  <xsl:attribute name="y">
                    <xsl:choose>
                      <xsl:when test="$kind = 'bar'"><xsl:value-of select="format-number($zero-y - 2 - 1.6, '0.##')"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="format-number($plot-bottom - 2 - 1.6, '0.##')"/></xsl:otherwise>
                    </xsl:choose>
                  </xsl:attribute>
                  <xsl:choose>
                    <xsl:when test="$missing-fits"><xsl:attribute name="font-size">6.5</xsl:attribute>saknas</xsl:when>
                    <xsl:otherwise><xsl:attribute name="font-size">7</xsl:attribute>–</xsl:otherwise>
                  </xsl:choose>
                </text>
              </xsl:when>
              <xsl:when test="$kind = 'bar'">
                <xsl:variable name="y" select="$plot-bottom - (@v - $a-low) div $a-span * $plot-h"/>
                <xsl:variable name="bw" select="($slot * 0.62) * number($slot * 0.62 &lt;= 28) + 28 * number($slot * 0.62 &gt; 28)"/>
                <xsl:variable name="top" select="($y * number($y &lt; $zero-y) + $zero-y * number($y &gt;= $zero-y))"/>
                <xsl:variable name="bh" select="($y - $zero-y) * (1 - 2 * number($y &lt; $zero-y))"/>
                <rect x="{format-number($centre - $bw div 2, '0.##')}" fill="#4A6FA5" width="{format-number($bw, '0.##')}">
                  <xsl:choose>
                    <xsl:when test="$bh &lt; 0.75">
                      <xsl:attribute name="y"><xsl:value-of select="format-number($zero-y - 0.75, '0.##')"/></xsl:attribute>
                      <xsl:attribute name="height">0.75</xsl:attribute>
                    </xsl:when>
                    <xsl:otherwise>
                      <xsl:attribute name="y"><xsl:value-of select="format-number($top, '0.##')"/></xsl:attribute>
                      <xsl:attribute name="height"><xsl:value-of select="format-number($bh, '0.##')"/></xsl:attribute>
                    </xsl:otherwise>
                  </xsl:choose>
                </rect>
              </xsl:when>
            </xsl:choose>
          </xsl:for-each>
          <xsl:if test="$kind = 'line'">
            <!-- runs of consecutive outcomes as polylines, then the markers -->
            <xsl:for-each select="$series[@v][not(preceding-sibling::s[1]/@v) and following-sibling::s[1]/@v]">
              <xsl:variable name="start" select="count(preceding-sibling::s) + 1"/>
              <xsl:variable name="gap" select="following-sibling::s[not(@v)][1]"/>
              <xsl:variable name="end">
                <xsl:choose>
                  <xsl:when test="$gap"><xsl:value-of select="count($gap/preceding-sibling::s)"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="$n"/></xsl:otherwise>
                </xsl:choose>
              </xsl:variable>
              <polyline fill="none" stroke="#4A6FA5" stroke-width="1.4">
                <xsl:attribute name="points">
                  <xsl:for-each select="$series[position() &gt;= $start and position() &lt;= $end]">
                    <xsl:value-of select="concat(format-number($plot-left + $slot * ($start + position() - 1.5), '0.##'), ',', format-number($plot-bottom - (@v - $a-low) div $a-span * $plot-h, '0.##'), ' ')"/>
                  </xsl:for-each>
                </xsl:attribute>
              </polyline>
            </xsl:for-each>
            <xsl:for-each select="$series">
              <xsl:if test="@v">
                <circle cx="{format-number($plot-left + $slot * (position() - 0.5), '0.##')}" cy="{format-number($plot-bottom - (@v - $a-low) div $a-span * $plot-h, '0.##')}" r="2.2" fill="#4A6FA5" stroke="#FFFFFF" stroke-width="0.6"/>
              </xsl:if>
            </xsl:for-each>
          </xsl:if>

          <!-- target and yellow limit over the data, labelled at the right, kept apart -->
          <xsl:variable name="sep" select="$row-h"/>
          <xsl:variable name="lab-top" select="$plot-top - 3.5 * ($asc + $desc) + $t-asc"/>
          <xsl:variable name="lab-bottom" select="$plot-bottom + $t-centre"/>
          <xsl:variable name="ys-rtf">
            <xsl:for-each select="$refs">
              <y><xsl:value-of select="$plot-bottom - (@v - $a-low) div $a-span * $plot-h + $t-centre"/></y>
            </xsl:for-each>
          </xsl:variable>
          <xsl:variable name="ys" select="exsl:node-set($ys-rtf)/y"/>
          <xsl:for-each select="$refs">
            <xsl:variable name="i" select="position()"/>
            <xsl:variable name="ly" select="$plot-bottom - (@v - $a-low) div $a-span * $plot-h"/>
            <line x1="{format-number($plot-left, '0.##')}" y1="{format-number($ly, '0.##')}" x2="{format-number($plot-right, '0.##')}" y2="{format-number($ly, '0.##')}" stroke="{@line}" stroke-width="{@width}">
              <xsl:if test="@dash != ''"><xsl:attribute name="stroke-dasharray"><xsl:value-of select="@dash"/></xsl:attribute></xsl:if>
            </line>
            <xsl:variable name="base">
              <xsl:choose>
                <xsl:when test="count($ys) = 2">
                  <xsl:variable name="me" select="number($ys[$i])"/>
                  <xsl:variable name="other" select="number($ys[3 - $i])"/>
                  <xsl:variable name="upper-is-me" select="$me &lt; $other or ($me = $other and $i = 1)"/>
                  <xsl:variable name="u0" select="$me * number($upper-is-me) + $other * number(not($upper-is-me))"/>
                  <xsl:variable name="l0" select="$other * number($upper-is-me) + $me * number(not($upper-is-me))"/>
                  <xsl:variable name="close" select="$l0 - $u0 &lt; $sep"/>
                  <xsl:variable name="u1" select="(($u0 + $l0) div 2 - $sep div 2) * number($close) + $u0 * number(not($close))"/>
                  <xsl:variable name="l1" select="(($u0 + $l0) div 2 + $sep div 2) * number($close) + $l0 * number(not($close))"/>
                  <xsl:variable name="u2" select="$u1 * number($u1 &gt;= $lab-top) + $lab-top * number($u1 &lt; $lab-top)"/>
                  <xsl:variable name="l2a" select="$l1 * number($l1 &gt;= $u2 + $sep) + ($u2 + $sep) * number($l1 &lt; $u2 + $sep)"/>
                  <xsl:variable name="l2" select="$l2a * number($l2a &lt;= $lab-bottom) + $lab-bottom * number($l2a &gt; $lab-bottom)"/>
                  <xsl:variable name="u3" select="$u2 * number($u2 &lt;= $l2 - $sep) + ($l2 - $sep) * number($u2 &gt; $l2 - $sep)"/>
                  <xsl:value-of select="$u3 * number($upper-is-me) + $l2 * number(not($upper-is-me))"/>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:variable name="me" select="number($ys[$i])"/>
                  <xsl:value-of select="$me * number($me &gt;= $lab-top and $me &lt;= $lab-bottom) + $lab-top * number($me &lt; $lab-top) + $lab-bottom * number($me &gt; $lab-bottom)"/>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:variable>
            <text x="{format-number($plot-right + 4, '0.##')}" y="{format-number($base, '0.##')}" font-size="7" fill="{@text}"><xsl:value-of select="@label"/></text>
          </xsl:for-each>

          <!-- years, thinned out evenly when they would touch -->
          <xsl:variable name="every" select="ceiling((4 * 7 * 0.636 + 4) div $slot)"/>
          <xsl:for-each select="$series">
            <xsl:if test="(position() - 1) mod $every = 0">
              <text x="{format-number($plot-left + $slot * (position() - 0.5), '0.##')}" y="{format-number($year-base, '0.##')}" font-size="7" fill="#262626" text-anchor="middle"><xsl:value-of select="@year"/></text>
            </xsl:if>
          </xsl:for-each>
        </svg>
      </figure>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
