"""Inputs and helpers shared by the search tests (a plain module: tests don't import
each other)."""

ODD_QUERIES = [
    "",
    "x" * 5000,
    "!!! ??? ...",
    '"',
    'title:(grid OR power) AND c~2 "unclosed \\ / [1 TO 5] {x} ^3 && || -',
    "'\"; DROP TABLE wagtailcore_page;--",
    "1=1 OR 'a'='a' /* */ UNION SELECT password FROM auth_user",
    "Umeå Vaasa 風力発電 ветер 🌬️ عربي",
    "nul\x00byte",
    "a b c d e f g h i j k l m n o p q r s t u v w x y z " * 10,
]


def titles(response):
    """The titles of the hits on a search page, best first."""
    return [hit["page"].title for hit in response.context["hits"]]
