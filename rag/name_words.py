"""How news writes a name: the words of a firm's, a body's or a person's name, and a possessive's ending, as
patterns that tell one kind of name from another by its words alone.
"""

from __future__ import annotations

import re

# Words of a firm's name, which no person's name holds ("Greythorn Pump Works", "Chief Executive Partners").
_FIRM_WORDS = ("inc", "llc", "llp", "ltd", "corp", "company", "group", "partners", "services", "associates", "works",
               "holdings", "systems", "solutions", "consulting", "construction", "engineering", "architects",
               "builders", "contractors", "brothers", "industries", "enterprises", "developers", "excavating",
               "paving", "roofing", "plumbing", "landscaping", "earthworks")  # fmt: skip
A_FIRM_WORD = re.compile(r"\b(?:" + "|".join(_FIRM_WORDS) + r")\b", re.IGNORECASE)
A_FIRM_WORD_LAST = re.compile(r"\b(?:" + "|".join(_FIRM_WORDS) + r")\W*$", re.IGNORECASE)
# And of other bodies and places, which a person's name may hold ("Dana Hall") but seldom after a title.
ORGANISATION_WORDS = _FIRM_WORDS + ("co", "authority", "commission", "council", "board", "department", "office",
                                     "district", "county", "city", "agency", "foundation", "fund", "bank", "hospital",
                                     "center", "centre", "university", "college", "school", "club", "association",
                                     "union", "church", "park", "hall", "library", "street", "avenue", "road", "plaza",
                                     "field", "building", "bridge")  # fmt: skip
NAME_WORD = r"(?!(?i:" + "|".join(ORGANISATION_WORDS) + r")\b)[A-Z][\w-]+(?![\w'’])"
# A person's name as news writes it: two or three capitalised words (a middle initial allowed), none a word of an
# organisation or a firm ("Arturo Benning"; not "Benning Hardware", "Wenlow Police Department").
PERSONS_NAME = re.compile(rf"{NAME_WORD}(?:\s+[A-Z]\.)?(?:\s+{NAME_WORD}){{1,2}}")

# The word a public body's name ends in, or has before "of", "for" or "on" ("Amberlow City Council", "the
# Brindlemoor county commission", "Department of Public Works"): such a body answers no question about a company,
# firm or contractor. A firm's name may hold the word elsewhere ("Harbor Town Builders", "City Electric Supply").
PUBLIC_BODY = re.compile(
    r"\b(?:Council|Commission|Commissioners|Board|Department|Dept\.|Authority|Committee|Court|Police|Sheriff|"
    r"Office|Legislature|Senate|Congress|Assembly|Parliament|Ministry|Government|Administration|District|County|"
    r"City|Village|Town|Township|State)(?:['’]s)?(?:\s+(?:of|for|on)\b|\W*$)",
    re.IGNORECASE,
)
# The same for a body that is no place as well ("the Ferrow Regional Transit Authority", "the Board of Public Works",
# "the county health department"): not a county, a city, a town or a court, which are places too.
BODY_NOT_A_PLACE = re.compile(
    r"\b(?:council|commission|commissioners|board|department|dept\.|authority|committee|legislature|ministry|"
    r"government|administration|agency)(?:['’]s)?(?:\s+(?:of|for|on)\b|\W*$)",
    re.IGNORECASE,
)

POSSESSIVE_END = re.compile(r"['\u2019]s?$")


POSSESSIVE_IN_TEXT = re.compile(r"['’]s\b")
