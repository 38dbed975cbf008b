<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared parts of the HTML peer: labels, number formatting, rich text, tables cells with status
  marks, the page furniture and the print CSS (inlined into every document, so the HTML needs
  nothing beside it). XSLT 1.0 plus exsl:node-set (EXSLT common), as xsltproc ships it.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rodtrad:rollup:1"
                xmlns:exsl="http://exslt.org/common"
                exclude-result-prefixes="r exsl">

  <!-- The same labels file rodtrad renders with (resolved against this stylesheet). -->
  <xsl:param name="labels-uri" select="'../../../templates/labels/sv.xml'"/>
  <!-- rodtrad draws "UTKAST" across every page unless rendered with final; so does this. -->
  <xsl:param name="final" select="'false'"/>

  <!-- Chromium cannot print target-counter(): for page numbers in the contents, print once, list
       where each anchor landed (pdfinfo -dests, see run.sh) as <pages><d n="anchor" p="3"/></pages>
       and pass that file's absolute path or URI here for a second print; the contents' lines
       have a fixed height, so the numbers do not move anything. -->
  <xsl:param name="toc-pages" select="''"/>
  <xsl:key name="dest" match="d" use="@n"/>
  <xsl:variable name="toc-doc" select="document($toc-pages)"/>

  <xsl:variable name="labels" select="document($labels-uri)/labels"/>
  <xsl:variable name="lang" select="'sv'"/>
  <xsl:variable name="root" select="/r:rollup"/>
  <xsl:variable name="scale" select="/r:rollup/r:plan/r:scale"/>

  <xsl:decimal-format name="sv" decimal-separator="," grouping-separator="&#160;"
                      minus-sign="&#8722;" NaN="&#8211;" infinity="&#8211;"/>

  <!-- {#key} -->
  <xsl:key name="label" match="label" use="@key"/>
  <xsl:template name="label">
    <xsl:param name="key"/>
    <xsl:for-each select="$labels">
      <xsl:variable name="hit" select="key('label', $key)"/>
      <xsl:choose>
        <xsl:when test="$hit"><xsl:value-of select="$hit[1]"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$key"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- {label:xpath}: empty stays empty -->
  <xsl:template name="label-of">
    <xsl:param name="key"/>
    <xsl:if test="string($key) != ''">
      <xsl:call-template name="label"><xsl:with-param name="key" select="string($key)"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- {level:xpath}: the assessment scale's label in the document language, else the id -->
  <xsl:template name="level">
    <xsl:param name="id"/>
    <xsl:variable name="entry" select="$scale/*[@id = $id][1]"/>
    <xsl:choose>
      <xsl:when test="$entry/r:label[@lang = $lang]"><xsl:value-of select="$entry/r:label[@lang = $lang][1]"/></xsl:when>
      <xsl:when test="$entry/r:label"><xsl:value-of select="$entry/r:label[1]"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A number as Swedish writes it: "1 234,5" (no-break space), minus U+2212, fixed decimals;
       empty gives an en dash, anything else not a number is shown as it is. -->
  <xsl:template name="num">
    <xsl:param name="value"/>
    <xsl:param name="decimals" select="1"/>
    <xsl:variable name="text" select="normalize-space(translate($value, '+', ' '))"/>
    <xsl:variable name="n" select="number($text)"/>
    <xsl:choose>
      <xsl:when test="$text = ''">&#8211;</xsl:when>
      <xsl:when test="$n != $n"><xsl:value-of select="$value"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="d" select="floor($decimals)"/>
        <xsl:variable name="pattern">
          <xsl:text>#&#160;##0</xsl:text>
          <xsl:if test="$d &gt; 0"><xsl:value-of select="substring(',000000000000', 1, $d + 1)"/></xsl:if>
        </xsl:variable>
        <xsl:variable name="formatted" select="format-number($n, $pattern, 'sv')"/>
        <xsl:choose>
          <!-- a value that rounds to zero has no sign -->
          <xsl:when test="starts-with($formatted, '&#8722;') and translate($formatted, '&#8722;0,&#160;', '') = ''">
            <xsl:value-of select="substring($formatted, 2)"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$formatted"/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- {num:xpath} with the decimals of the context (or its parent), default 1 -->
  <xsl:template name="num-ctx">
    <xsl:param name="value"/>
    <xsl:param name="ctx" select="."/>
    <xsl:call-template name="num">
      <xsl:with-param name="value" select="$value"/>
      <xsl:with-param name="decimals">
        <xsl:choose>
          <xsl:when test="$ctx/@decimals"><xsl:value-of select="$ctx/@decimals"/></xsl:when>
          <xsl:when test="$ctx/../@decimals"><xsl:value-of select="$ctx/../@decimals"/></xsl:when>
          <xsl:otherwise>1</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- <richText select="..."/>: paragraphs and bulleted lists -->
  <xsl:template name="rich-text">
    <xsl:param name="nodes"/>
    <xsl:param name="class" select="'body'"/>
    <xsl:for-each select="$nodes">
      <xsl:variable name="outer-lang" select="@lang"/>
      <xsl:for-each select="r:p | r:list">
        <xsl:choose>
          <xsl:when test="self::r:p">
            <xsl:if test="normalize-space(text()[1]) != ''">
              <p class="{$class}">
                <xsl:call-template name="lang-attr"><xsl:with-param name="l" select="(@lang | $outer-lang)[last()]"/></xsl:call-template>
                <xsl:value-of select="normalize-space(text()[1])"/>
              </p>
            </xsl:if>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="list-lang" select="(@lang | $outer-lang)[last()]"/>
            <ul class="{$class}">
              <xsl:for-each select="r:item[normalize-space(text()[1]) != '']">
                <li>
                  <xsl:call-template name="lang-attr"><xsl:with-param name="l" select="(@lang | $list-lang)[last()]"/></xsl:call-template>
                  <xsl:value-of select="normalize-space(text()[1])"/>
                </li>
              </xsl:for-each>
            </ul>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="lang-attr">
    <xsl:param name="l"/>
    <xsl:if test="string($l) != '' and string($l) != $lang">
      <xsl:attribute name="lang"><xsl:value-of select="$l"/></xsl:attribute>
    </xsl:if>
  </xsl:template>


  <!-- Soft hyphens (U+00AD) in long words, for narrow table columns: Chromium has no Swedish
       hyphenation dictionary offline (hyphens: auto does nothing here) and would otherwise break
       "Aktiviteter" anywhere without a hyphen. A break goes before a consonant followed by a
       vowel (V-CV, VC-CV), keeping three letters on either side. -->
  <xsl:template name="hyph">
    <xsl:param name="s"/>
    <xsl:param name="min" select="9"/>
    <xsl:variable name="t" select="normalize-space($s)"/>
    <xsl:choose>
      <xsl:when test="contains($t, ' ')">
        <xsl:call-template name="hyph-word"><xsl:with-param name="w" select="substring-before($t, ' ')"/><xsl:with-param name="min" select="$min"/></xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:call-template name="hyph"><xsl:with-param name="s" select="substring-after($t, ' ')"/><xsl:with-param name="min" select="$min"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="hyph-word"><xsl:with-param name="w" select="$t"/><xsl:with-param name="min" select="$min"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="hyph-word">
    <xsl:param name="w"/>
    <xsl:param name="min"/>
    <xsl:param name="i" select="1"/>
    <xsl:variable name="len" select="string-length($w)"/>
    <xsl:choose>
      <xsl:when test="$len &lt; $min"><xsl:value-of select="$w"/></xsl:when>
      <xsl:when test="$i &gt; $len - 3"><xsl:value-of select="$w"/></xsl:when>
      <xsl:when test="$i &lt; 3">
        <xsl:call-template name="hyph-word"><xsl:with-param name="w" select="$w"/><xsl:with-param name="min" select="$min"/><xsl:with-param name="i" select="3"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="here" select="substring($w, $i, 1)"/>
        <xsl:variable name="next" select="substring($w, $i + 1, 1)"/>
        <xsl:variable name="after" select="substring($w, $i + 2, 1)"/>
        <xsl:variable name="letters" select="'abcdefghijklmnopqrstuvwxyzåäöéüABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉÜ'"/>
        <xsl:variable name="vowels" select="'aeiouyåäöéüAEIOUYÅÄÖÉÜ'"/>
        <xsl:variable name="head" select="substring($w, 1, $i)"/>
        <xsl:choose>
          <xsl:when test="not($here = 'c' and $next = 'k') and contains($letters, $here) and contains($letters, $next) and not(contains($vowels, $next)) and contains($vowels, $after)
                          and contains($letters, substring($w, $i - 1, 1)) and contains($letters, substring($w, $i - 2, 1))
                          and contains($letters, substring($w, $i + 3, 1))">
            <xsl:value-of select="concat($head, '&#173;')"/>
            <xsl:call-template name="hyph-word"><xsl:with-param name="w" select="substring($w, $i + 1)"/><xsl:with-param name="min" select="0"/><xsl:with-param name="i" select="1"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="hyph-word"><xsl:with-param name="w" select="$w"/><xsl:with-param name="min" select="$min"/><xsl:with-param name="i" select="$i + 1"/></xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A table cell with a traffic-light mark before its text (column status="...") -->
  <xsl:template name="status-cell">
    <xsl:param name="status"/>
    <xsl:param name="text"/>
    <td>
      <xsl:choose>
        <xsl:when test="string($status) != ''">
          <div class="st">
            <span class="dot {$status}" aria-hidden="true"></span>
            <span><xsl:value-of select="$text"/></span>
          </div>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
      </xsl:choose>
    </td>
  </xsl:template>

  <!-- A string as a CSS string literal's content -->
  <xsl:template name="css-escape">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '\')">
        <xsl:call-template name="css-escape-quotes"><xsl:with-param name="s" select="substring-before($s, '\')"/></xsl:call-template>
        <xsl:text>\\</xsl:text>
        <xsl:call-template name="css-escape"><xsl:with-param name="s" select="substring-after($s, '\')"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="css-escape-quotes"><xsl:with-param name="s" select="$s"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="css-escape-quotes">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '&quot;')">
        <xsl:value-of select="substring-before($s, '&quot;')"/>
        <xsl:text>\"</xsl:text>
        <xsl:call-template name="css-escape-quotes"><xsl:with-param name="s" select="substring-after($s, '&quot;')"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="translate($s, '&#10;&#13;&lt;', '  ')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The <head>: title, metadata and the whole print stylesheet with the running header and
       footer (rodtrad: header left/right from page 2 on, footer left and "Sida X av Y"). -->
  <xsl:template name="head">
    <xsl:param name="title"/>
    <xsl:param name="author"/>
    <xsl:param name="subject"/>
    <xsl:param name="keywords"/>
    <xsl:param name="header-left"/>
    <xsl:param name="header-right"/>
    <xsl:param name="footer-left"/>
    <head>
      <meta charset="utf-8"/>
      <title><xsl:value-of select="$title"/></title>
      <meta name="author" content="{$author}"/>
      <meta name="description" content="{$subject}"/>
      <meta name="keywords" content="{$keywords}"/>
      <meta name="generator" content="rodtrad bench peer: XSLT 1.0 to HTML for Chromium --print-to-pdf"/>
      <style>
        <xsl:call-template name="print-css"/>
        <xsl:text>@page { @top-left { content: "</xsl:text>
        <xsl:call-template name="css-escape"><xsl:with-param name="s" select="$header-left"/></xsl:call-template>
        <xsl:text>"; } @top-right { content: "</xsl:text>
        <xsl:call-template name="css-escape"><xsl:with-param name="s" select="$header-right"/></xsl:call-template>
        <xsl:text>"; } @bottom-left { content: "</xsl:text>
        <xsl:call-template name="css-escape"><xsl:with-param name="s" select="$footer-left"/></xsl:call-template>
        <xsl:text>"; } @bottom-right { content: "</xsl:text>
        <xsl:variable name="page-of">
          <xsl:call-template name="label"><xsl:with-param name="key" select="'pageOf'"/></xsl:call-template>
        </xsl:variable>
        <!-- "Sida {page} av {pages}" -->
        <xsl:call-template name="css-escape"><xsl:with-param name="s" select="substring-before($page-of, '{page}')"/></xsl:call-template>
        <xsl:text>" counter(page) "</xsl:text>
        <xsl:call-template name="css-escape"><xsl:with-param name="s" select="substring-before(substring-after($page-of, '{page}'), '{pages}')"/></xsl:call-template>
        <xsl:text>" counter(pages) "</xsl:text>
        <xsl:call-template name="css-escape"><xsl:with-param name="s" select="substring-after($page-of, '{pages}')"/></xsl:call-template>
        <xsl:text>"; } }&#10;</xsl:text>
      </style>
    </head>
  </xsl:template>

  <xsl:template name="watermark">
    <xsl:if test="$final != 'true'">
      <div class="watermark" aria-hidden="true">
        <xsl:call-template name="label"><xsl:with-param name="key" select="'draft'"/></xsl:call-template>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- One entry of the contents: level 1 bold, level 2 indented, one line each, linked.
       (Chromium has no target-counter(): the page numbers rodtrad prints are left out.) -->
  <xsl:template name="toc-entry">
    <xsl:param name="level"/>
    <xsl:param name="number"/>
    <xsl:param name="anchor"/>
    <xsl:param name="text"/>
    <li class="toc{$level}">
      <a href="#{$anchor}">
        <span class="t"><xsl:value-of select="concat($number, ' ', $text)"/></span>
        <xsl:if test="$toc-pages != ''">
          <xsl:text> </xsl:text>
          <span class="n"><xsl:for-each select="$toc-doc"><xsl:value-of select="key('dest', $anchor)/@p"/></xsl:for-each></span>
        </xsl:if>
      </a>
    </li>
  </xsl:template>

  <xsl:template name="heading">
    <xsl:param name="level"/>
    <xsl:param name="number"/>
    <xsl:param name="anchor"/>
    <xsl:param name="text"/>
    <xsl:element name="h{$level}">
      <xsl:if test="$anchor != ''"><xsl:attribute name="id"><xsl:value-of select="$anchor"/></xsl:attribute></xsl:if>
      <xsl:if test="$number != ''"><xsl:value-of select="concat($number, ' ')"/></xsl:if>
      <xsl:value-of select="normalize-space($text)"/>
    </xsl:element>
  </xsl:template>

  <!-- The print stylesheet: the templates' page (A4, margins 64/62 pt) and styles, DejaVu Sans. -->
  <xsl:template name="print-css">
    <xsl:text>
@page {
  size: A4;
  margin: 64pt 62pt 64pt 62pt;
  @top-left { font: 7.5pt "DejaVu Sans", sans-serif; color: #555; vertical-align: bottom;
              padding-bottom: 4pt; margin-bottom: 13pt; border-bottom: 0.5pt solid #B0B8C4; width: 50%; }
  @top-right { font: 7.5pt "DejaVu Sans", sans-serif; color: #555; vertical-align: bottom; text-align: right;
               padding-bottom: 4pt; margin-bottom: 13pt; border-bottom: 0.5pt solid #B0B8C4; width: 50%; }
  @bottom-left { font: 7.5pt "DejaVu Sans", sans-serif; color: #555; vertical-align: top;
                 padding-top: 3pt; margin-top: 20pt; border-top: 0.5pt solid #B0B8C4; width: 50%; }
  @bottom-right { font: 7.5pt "DejaVu Sans", sans-serif; color: #555; vertical-align: top; text-align: right;
                  padding-top: 3pt; margin-top: 20pt; border-top: 0.5pt solid #B0B8C4; width: 50%; }
}
@page :first {
  @top-left { content: none; border: none; }
  @top-right { content: none; border: none; }
}
html { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; color: #000;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
p, ul, h1, h2, h3, table, figure { margin: 0; }
p.body, ul.body { font-size: 10pt; line-height: 1.35; margin-bottom: 6pt; }
p.lead, ul.lead { font-size: 11pt; line-height: 1.4; color: #2F3B4C; margin-bottom: 8pt; }
p.small { font-size: 8.5pt; line-height: 1.3; color: #44546A; margin-bottom: 4pt; }
p.assessment { font-size: 10.5pt; font-weight: bold; line-height: 1.3; color: #1F3864; margin-bottom: 4pt; }
ul { list-style: none; padding-left: 14pt; }
ul li { margin-bottom: 2pt; }
ul li::before { content: "\2022"; display: inline-block; width: 12pt; margin-left: -12pt; }
p, li, td, th { orphans: 2; widows: 2; overflow-wrap: break-word; }
h1, h2, h3 { line-height: 1.3; break-after: avoid; page-break-after: avoid; break-inside: avoid; }
h1 { font-size: 16pt; color: #1F3864; margin: 16pt 0 8pt; }
h2 { font-size: 12.5pt; color: #1F3864; margin: 14pt 0 5pt; }
h3 { font-size: 10.5pt; color: #2F3B4C; margin: 8pt 0 4pt; }
.title { font-size: 26pt; font-weight: bold; color: #1F3864; line-height: 1.3; margin: 0 0 10pt; }
.subtitle { font-size: 14pt; color: #44546A; line-height: 1.3; margin-bottom: 30pt; }
section.cover, nav.toc { break-after: page; page-break-after: always; }
nav.toc ol { list-style: none; margin: 0; padding: 0; }
nav.toc li { font-size: 10pt; height: 16pt; line-height: 16pt; }
nav.toc li.toc1 { font-weight: bold; }
nav.toc li.toc2 { padding-left: 16pt; }
nav.toc a { color: inherit; text-decoration: none; display: flex; }
nav.toc .t { flex: 1 1 auto; min-width: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
nav.toc .n { flex: none; width: 40pt; text-align: right; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 8.5pt; line-height: 1.2;
        margin: 4pt 0 8pt; }
th { font-weight: bold; color: #1F3864; background: #E8EDF4; text-align: left; vertical-align: top;
     padding: 3pt; border-bottom: 0.8pt solid #9AA7B8; }
td { vertical-align: top; padding: 3pt; border-bottom: 0.4pt solid #9AA7B8; }
thead { display: table-header-group; }
tr { break-inside: auto; }
.r { text-align: right; }
table.kv { margin-top: 12pt; }
table.kv th { background: none; border-bottom: 0.4pt solid #9AA7B8; }
.st { display: flex; align-items: flex-start; }
.dot { flex: none; display: inline-block; width: 7pt; height: 7pt; border-radius: 50%; margin: 1.5pt 4pt 0 0;
       background: #9E9E9E; }
.dot.green { background: #2E7D32; }
.dot.yellow { background: #F9A825; }
.dot.red { background: #C62828; }
figure { margin: 4pt 0 10pt; text-align: center; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: inline-block; overflow: visible; }
figure.redthread { margin: 6pt 0 10pt; }
svg text { font-family: "DejaVu Sans", sans-serif; }
.watermark { position: fixed; left: 50%; top: 50%; transform: translate(-50%, -50%) rotate(-45deg);
             font-size: 96pt; font-weight: bold; color: #E3E3E3; z-index: -1; white-space: nowrap; }
</xsl:text>
  </xsl:template>

</xsl:stylesheet>
