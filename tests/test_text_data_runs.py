"""Runs of short lines that are the article's own data, not a menu (text_data, C802)."""

from __future__ import annotations

import pytest

from pamphlet.sources.text import parse_text
from pamphlet.sources.text_data import data_kind


def _prose(n: int) -> str:
    return (f"Paragraph {n} of the guide explains what the work involves and what it costs, "
            "with enough words in it to read as a real paragraph of running prose.")


TITLE = "What Home Repairs Cost in 2025"


def _page(run: list[str]) -> str:
    """The run between the article's paragraphs, a menu above and a footer below."""
    return "\n\n".join([
        "Home", "Services", "About us", "Contact", TITLE,
        *[_prose(n) for n in range(4)], *run, *[_prose(n) for n in range(4, 8)],
        "Privacy policy", "Terms of use",
    ]) + "\n"


def _removed(run: list[str]) -> dict[str, str]:
    doc = parse_text(_page(run), "data.txt")
    return {r.text: r.code for r in doc.removed if r.text in run}


PRICE_LIST = [
    "Replacing a Circuit Breaker in Panel", "$89 - $249+",
    "Replacing Electrical Panels", "$1,595 - $3,000+", "(includes permits, breakers, etc.)",
    "Replacing Outlets, Switches, Dimmers", "$89 - $189+",
]
RANKED_ENTRY = [
    "2. Mobile World Congress (MWC)", "Date: March 2-5, 2026",
    "Location: Barcelona, Spain", "Registration: https://www.mwcbarcelona.com/",
]
CELL_ENTRY = [
    "2. Warp + Weft", "Family owned", "Best For | Denim", "Size Range | Up to 24",
    "Price Range | $$",
]
FACT_SHEET = [
    "Askar SQA55", "Design: Petzval", "Glass: FCD-100 (Hoya)", "Focal Ratio: f/4.8",
    "Field Flattener/Reducer: None",
]
DIRECTORY = [
    "• Access Institute for Psychological Services", "110 Gough St. Suite 301",
    "(415) 861-5449", "Psychotherapy & Medication", "• Center for Somatic Psychotherapy",
    "220 Montgomery St. Suite 600", "(415) 217-8895", "Fees based on income",
]
MEASUREMENTS = [
    "Navee GT3", "Best Overall Under $500", "9.0", "Tested Speed 19.8 MPH",
    "Tested Range 18.7 miles", "Weight 46.3 lbs", "Battery Capacity 358 Wh",
]
WRAPPED = [
    "Between 2015 and", "2018, 13% of children", "ages 5 to 19 in the",
    "United States had", "untreated cavities",
]
FIGURES = [
    "Average hourly rates in 2024", "Rank", "State", "Average Hourly Rate",
    "1", "Alaska", "$14.55", "2", "Wyoming", "$43.88", "3", "Montana", "$45.57",
    "4", "West Virginia", "$53.00", "5", "New Mexico", "$59.38",
]


@pytest.mark.parametrize("run", [
    PRICE_LIST, RANKED_ENTRY, CELL_ENTRY, FACT_SHEET, MEASUREMENTS, DIRECTORY, WRAPPED,
    FIGURES,
], ids=["price list", "ranked entry", "cells entry", "fact sheet", "measurements",
        "directory", "wrapped sentence", "figures"])
def test_the_articles_data_between_its_paragraphs_stays(run):
    assert _removed(run) == {}


def test_a_tables_cells_under_its_header_row_stay():
    cells = ["Result of an educational process", "Result of an assessment process",
             "For newcomers and experienced professionals", "Typically requires experience"]
    run = ["Certificate\t\tCertification", *cells]
    doc = parse_text(_page(run), "table.txt")
    assert not any(r.text in cells for r in doc.removed)
    # near miss: the same lines without the header row are a list of phrases nothing
    # introduces (here, a site's sign-up pitch)
    assert set(_removed(cells).values()) == {"C802"}


# --- near misses: the same kinds of lines in a site's furniture ---------------------------

SITE_MENU = ["Electrical Services", "Panel Upgrades", "EV Chargers", "Generators",
             "Plumbing", "Water Heaters"]
FOOTER_CONTACT = ["Acme Electric", "2261 Market Street", "San Francisco, CA 94114",
                  "(415) 555-0134", "Contact us", "Careers"]
OFFICES = ["United Kingdom", "6 Gardner Place, Feltham TW14 0BX",
           "+44-753-713-2163", "United States", "30 North Gould Street, Sheridan, WY",
           "+1-415-325-5166"]
SHOP_GRID = ["Stand Mixer", "$249 - $299", "Buy now", "Hand Mixer", "$39 - $59", "Buy now"]
RETAILERS = ["Acme Stand Mixer", "$249 - $299 at Amazon", "Acme Hand Mixer",
             "$39+ at Walmart", "Acme Blender", "$89 - $99 at Target"]
PRODUCT_GRID = ["Trail Runner 2", "Weight 280 g", "$129.99", "Road Racer", "Weight 240 g",
                "$149.99 $119.99", "Comfort Walker", "Weight 310 g", "$99.99"]
PAGER = ["1", "2", "3", "Next", "Privacy | Terms", "Cookies | Settings"]
MEMBER_CARD = ["Holiday Ken", "Join Date: Mar 2009", "Location: Asia Pacific",
               "Posts: 1,234", "Programs: Hyatt, Hilton"]
TEASERS = ["1", "Best Running Books", "2", "Running Jackets for Every Condition", "3",
           "HOKA Vs On Cloud Running Shoes", "4", "Top Gifts for Runners"]


@pytest.mark.parametrize("run", [
    SITE_MENU, FOOTER_CONTACT, OFFICES, SHOP_GRID, RETAILERS, PRODUCT_GRID, PAGER,
    MEMBER_CARD, TEASERS,
], ids=["menu", "footer contact", "offices", "shop grid", "retailers", "product grid",
        "pager", "member card", "numbered teasers"])
def test_furniture_between_the_paragraphs_still_goes(run):
    assert data_kind(run) is None
    removed = _removed(run)
    assert set(removed) == set(run), removed  # "Contact us", "Buy now": boilerplate rules
    assert "C802" in removed.values()


def test_data_kinds_are_named():
    assert data_kind(PRICE_LIST) == "price list"
    assert data_kind(MEASUREMENTS) == "measurements"
    assert data_kind(RANKED_ENTRY) == "ranked entry"
    assert data_kind(FACT_SHEET) == "fact sheet"
    assert data_kind(DIRECTORY) == "directory"
    assert data_kind(WRAPPED) == "wrapped sentence"
    assert data_kind(FIGURES) == "table rows"
    assert data_kind(["Result of an educational process", "Typically requires experience"],
                     "Certificate\t\tCertification") == "table cells"
    # a header row whose cells do not divide the run, or a shop's comparison table
    assert data_kind(["Light", "Heavy", "Cheap"], "Model\t\tWeight") is None
    assert data_kind(["Check Price at Amazon", "$160 List"], "Watch\t\tPrice") is None


def test_data_before_the_article_starts_is_left_to_the_menu_rules():
    # Above the text's first paragraph a run of prices is a site's header or promo strip.
    page = "\n\n".join(["Home", *SHOP_GRID[:2], "Panel work", "$89 - $249+", TITLE,
                        *[_prose(n) for n in range(8)]]) + "\n"
    codes = {r.text: r.code for r in parse_text(page, "top.txt").removed}
    assert codes.get("$89 - $249+") == "C802"
