"""Which writing system (Unicode script) a character belongs to, for telling look-alike letters apart.

Python's unicodedata has no script property; the `regex` package has it for every script of the Unicode version
it ships, so the names below only say which ones to ask about, in the words a message uses.
"""

from __future__ import annotations

import regex

# Unicode's script names (PropertyValueAliases.txt), as of Unicode 17. Common (digits, hyphens) and Inherited
# (combining marks) are left out: they belong to every script.
_SCRIPT_NAMES = """
    Latin Greek Coptic Cyrillic Armenian Hebrew Arabic Syriac Thaana Nko Samaritan Mandaic Devanagari Bengali
    Gurmukhi Gujarati Oriya Tamil Telugu Kannada Malayalam Sinhala Thai Lao Tibetan Myanmar Georgian Hangul Ethiopic
    Cherokee Canadian_Aboriginal Ogham Runic Tagalog Hanunoo Buhid Tagbanwa Khmer Mongolian Limbu Tai_Le New_Tai_Lue
    Buginese Tai_Tham Balinese Sundanese Batak Lepcha Ol_Chiki Braille Glagolitic Tifinagh Han Hiragana Katakana
    Bopomofo Yi Lisu Vai Bamum Syloti_Nagri Phags_Pa Saurashtra Kayah_Li Rejang Javanese Cham Tai_Viet Meetei_Mayek
    Linear_B Lycian Carian Old_Italic Gothic Old_Permic Ugaritic Old_Persian Deseret Shavian Osmanya Osage Elbasan
    Caucasian_Albanian Vithkuqi Todhri Linear_A Cypriot Imperial_Aramaic Palmyrene Nabataean Hatran Phoenician
    Lydian Sidetic Meroitic_Hieroglyphs Meroitic_Cursive Kharoshthi Old_South_Arabian Old_North_Arabian Manichaean
    Avestan Inscriptional_Parthian Inscriptional_Pahlavi Psalter_Pahlavi Old_Turkic Old_Hungarian Hanifi_Rohingya
    Garay Yezidi Old_Sogdian Sogdian Old_Uyghur Chorasmian Elymaic Brahmi Kaithi Sora_Sompeng Chakma Mahajani
    Sharada Khojki Multani Khudawadi Grantha Tulu_Tigalari Newa Tirhuta Siddham Modi Takri Ahom Dogra Warang_Citi
    Dives_Akuru Nandinagari Zanabazar_Square Soyombo Pau_Cin_Hau Sunuwar Bhaiksuki Marchen Masaram_Gondi
    Gunjala_Gondi Tolong_Siki Makasar Kawi Cuneiform Proto_Cuneiform Cypro_Minoan Egyptian_Hieroglyphs
    Anatolian_Hieroglyphs Gurung_Khema Mro Tangsa Bassa_Vah Pahawh_Hmong Kirat_Rai Medefaidrin Beria_Erfe Miao
    Tangut Nushu Khitan_Small_Script Jurchen Duployan SignWriting Nyiakeng_Puachue_Hmong Toto Wancho Nag_Mundari
    Ol_Onal Tai_Yo Mende_Kikakui Adlam Seal
"""
_NAMES = _SCRIPT_NAMES.split()
SCRIPTS = tuple(name.replace("_", " ") for name in _NAMES)
_WHICH = regex.compile("|".join(f"(?P<s{index}>\\p{{Script={name}}})" for index, name in enumerate(_NAMES)))
_SHARED = regex.compile(r"[\p{Script=Common}\p{Script=Inherited}]")
# UTS 39 5.1: Han is written together with kana in Japanese, with Hangul in Korean and with Bopomofo in Chinese.
_WRITTEN_WITH = {"Han": {"Han", "Japanese", "Korean", "Bopomofo"}, "Hiragana": {"Hiragana", "Japanese"},
                 "Katakana": {"Katakana", "Japanese"}, "Hangul": {"Hangul", "Korean"}, "Bopomofo": {"Bopomofo"}}


def script_of(character: str) -> str | None:
    """'Cyrillic' for 'е'; None for a character every script shares (digits, hyphens, combining marks).

    A script newer than the list above is named by the character's code point, so it still differs from Latin.
    """
    if _SHARED.match(character):
        return None
    found = _WHICH.match(character)
    return SCRIPTS[int(found.lastgroup[1:])] if found and found.lastgroup else f"the script of U+{ord(character):04X}"


def mixed_scripts(text: str) -> dict[str, list[str]]:
    """Each script in `text` with its characters, most used first, when no single writing system has them all.

    Empty when one does (UTS 39's "single script", with Han allowed beside kana, Hangul or Bopomofo).
    """
    found: dict[str, list[str]] = {}
    for character in text:
        script = script_of(character)
        if script and character not in found.setdefault(script, []):
            found[script].append(character)
    systems = [_WRITTEN_WITH.get(script, {script}) for script in found]
    if not systems or set.intersection(*systems):
        return {}
    return dict(sorted(found.items(), key=lambda item: -len(item[1])))
