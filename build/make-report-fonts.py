#!/usr/bin/env python3
"""
Makes the reports' typefaces, resources/fonts/PingshenSerifSC-{Regular,Bold}.ttf, from Noto Serif
CJK SC 2.001 (Adobe's Source Han Serif, under the SIL Open Font License 1.1; OFL.txt beside them).

Why a derived font and not the TrueType files as published: every report embeds its own subset
of the glyphs it uses, and a report set holds a hundred feedback reports, so a glyph's size
decides whether the set stays under 10 MB. Serif ideographs are heavy: Noto Serif SC's published
TrueType outlines (converted from the cubic originals at 1/1000 em, 1000 units to the em) take
about 205 bytes a glyph in a report against 124 for the sans face the reports used before. Here the
cubic originals are converted once more, at a tolerance of 3/1000 em, onto a grid of 256 units to
the em, which brings a glyph to about 127 bytes. At 22 pt (a title) one unit is 0.03 mm, under a
600 dpi printer dot; the difference cannot be seen on paper or on screen.

Only what the reports need is kept: the glyphs the Simplified Chinese font maps (the OTC's
Japanese, Korean and Traditional variants are left out) except Hangul, which no award document
of a Chinese city carries and which would be a quarter of the file; horizontal metrics, no layout tables
(the reports set Chinese without kerning or alternates), no hinting. The font is renamed, as the
licence asks of a modified version; Noto is Google's trademark, Source Adobe's reserved name.

Needs Debian's fonts-noto-cjk (1:20220127, Noto Serif CJK 2.001) and python3-fonttools (4.38);
run from the repository root: python3 build/make-report-fonts.py. The outputs are checked in.
"""
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.transformPen import TransformPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection

SOURCES = {
    'Regular': '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
    'Bold': '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc',
}
UPM = 256
# the conversion's tolerance, in units of the source's 1000-unit em
TOLERANCE = 3.0
FAMILY = 'Pingshen Serif SC'
HANGUL = [(0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF)]


def wanted(code_point):
    return not any(lo <= code_point <= hi for lo, hi in HANGUL)


def simplified_chinese(path):
    fonts = TTCollection(path).fonts
    return next(f for f in fonts if f['name'].getDebugName(6).startswith('NotoSerifCJKsc-'))


def make(style, path):
    src = simplified_chinese(path)
    scale = UPM / src['head'].unitsPerEm
    cmap = {cp: g for cp, g in src.getBestCmap().items() if wanted(cp)}
    glyph_set = src.getGlyphSet()
    names = ['.notdef'] + sorted({g for g in cmap.values() if g != '.notdef'}, key=src.getGlyphID)

    glyphs = {}
    metrics = {}
    for name in names:
        pen = TTGlyphPen(None)
        glyph_set[name].draw(TransformPen(Cu2QuPen(pen, TOLERANCE * scale, reverse_direction=True), (scale, 0, 0, scale, 0, 0)))
        glyphs[name] = pen.glyph()
        advance, _ = src['hmtx'][name]
        glyphs[name].recalcBounds(None)
        lsb = getattr(glyphs[name], 'xMin', 0) if glyphs[name].numberOfContours else 0
        metrics[name] = (round(advance * scale), lsb)

    fb = FontBuilder(UPM, isTTF=True)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap(cmap)
    fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics(metrics)
    os2 = src['OS/2']
    # lines are measured by the typographic ascender and descender (1 em: 880 and -120 of 1000),
    # not the source's hhea values (1.44 em, room for accents no Chinese report carries), so that a
    # report's line spacing is what its styles say; rounded to 1/32 em (7/8 and 1/8), so that line
    # positions stay short binary fractions, which the pages' content streams compress better
    ascent, descent = round(os2.sTypoAscender * scale / 8) * 8, round(os2.sTypoDescender * scale / 8) * 8
    fb.setupHorizontalHeader(ascent=ascent, descent=descent, lineGap=0)
    fb.setupOS2(
        version=4,
        usWeightClass=os2.usWeightClass,
        fsType=0,
        sTypoAscender=ascent,
        sTypoDescender=descent,
        sTypoLineGap=0,
        usWinAscent=round(os2.usWinAscent * scale),
        usWinDescent=round(os2.usWinDescent * scale),
        sxHeight=round(os2.sxHeight * scale),
        sCapHeight=round(os2.sCapHeight * scale),
        ulCodePageRange1=os2.ulCodePageRange1,
        ulCodePageRange2=os2.ulCodePageRange2,
        achVendID='PSHN',
        # bold or regular, and USE_TYPO_METRICS (bit 7)
        fsSelection=(0x20 if style == 'Bold' else 0x40) | 0x80,
    )
    fb.setupPost(keepGlyphNames=False)
    fb.setupNameTable({
        'copyright': src['name'].getDebugName(0) + ' Modified for Pingshen (outlines on a 256-unit em, Simplified Chinese glyphs only).',
        'familyName': FAMILY,
        'styleName': style,
        'uniqueFontIdentifier': f'Pingshen:{FAMILY}:{style}:1.0 (from Noto Serif CJK SC 2.001)',
        'fullName': f'{FAMILY} {style}',
        'version': 'Version 1.000; from Noto Serif CJK SC 2.001',
        'psName': f'PingshenSerifSC-{style}',
        'licenseDescription': src['name'].getDebugName(13),
        'licenseInfoURL': src['name'].getDebugName(14),
    })
    fb.font['head'].macStyle = 1 if style == 'Bold' else 0
    out = f'resources/fonts/PingshenSerifSC-{style}.ttf'
    fb.save(out)
    print(out, len(names), 'glyphs')


for style, path in SOURCES.items():
    make(style, path)
