"""An opinion piece or a review is credited as such (issue 11: a bullet read alone must say whose
view it states): "(Opinion: Tom Rogan, Washington Examiner)"."""

from __future__ import annotations

import pytest

import briefing
from briefing.attribution import OPINION, REVIEW, page_kind, person_byline


@pytest.mark.parametrize(
    "url, title, categories, labels, kind",
    [
        ("https://www.washingtonexaminer.com/opinion/why-beijing-will-bring-slaughter", None, (), (), OPINION),
        ("http://www.theguardian.com/commentisfree/2019/nov/18/the-guardian-view-on-hong-kong", None, (), (), OPINION),
        ("https://sputniknews.com/columnists/201911181077343476-royal-arrogance/", None, (), (), OPINION),
        ("https://www.wsj.com/articles/is-football-violence-a-crime-11574121884", "Opinion | Is Football Violence a Crime?",
         (), (), OPINION),
        ("https://www.scmp.com/news/article/3046526", "Carrie Lam should study Tsai's playbook", ("Opinion",), (), OPINION),
        (None, "A page", (), ("OPINION:",), OPINION),
        ("https://appleinsider.com/articles/19/11/18/16-inch-macbook-pro-review-the-keyboard", None, (), (), REVIEW),
        (None, "Bike & Style book with soundtrack review | MoreBikes", (), (), REVIEW),
        (None, "Review: 'Sisters' is strenuously vulgar", (), (), REVIEW),
        # news
        ("https://www.reuters.com/article/us-usa-trump/trump-to-skip-debate-idUSKBN", "Trump to skip debate", (), (), None),
        (None, "Pentagon review finds no wrongdoing by commanders", (), (), None),
        ("https://www.kaieteurnewsonline.com/2022/05/06/essequibo-hunter-found-dead/", "Essequibo hunter found dead",
         ("News", "Editorial", "Sports"), (), None),
        ("https://example.com/news/opinion-poll-shows-lead", "Opinion poll shows Labour lead", (), (), None),
    ],
)
def test_page_kind(url, title, categories, labels, kind):
    assert page_kind(url, title, categories=categories, labels=labels) == kind


def test_the_author_beside_opinion_is_a_person_or_nobody():
    assert person_byline("Tom Rogan") == "Tom Rogan"
    assert person_byline("Mike Wuerthele; Malcolm Owen") == "Mike Wuerthele and Malcolm Owen"
    for junk in ("Finian Cunningham Sputnik International", "Mike Wuerthele; Malcolm Owen Monday; November",
                 "Staff", "", None):
        assert person_byline(junk) is None, junk


PAGE = """<html><head><title>Why Beijing will bring slaughter to Hong Kong</title>
<link rel="canonical" href="https://www.washingtonexaminer.com/opinion/why-beijing-will-bring-slaughter-to-hong-kong">
<meta name="author" content="Tom Rogan"></head><body><article>
<p>With Hong Kong protests exploding to new levels, President Xi Jinping of China is likely to deploy People's
Liberation Army forces onto the former British colony's streets on Monday.</p>
<p>The Chinese leader has watched the protests in Hong Kong grow for five months, and his patience is running out.</p>
<p>Beijing has moved thousands of troops to the border city of Shenzhen since August, officials said.</p>
</article></body></html>"""


def test_a_bullet_from_an_opinion_page_is_credited_as_opinion(tmp_path):
    (tmp_path / "hk.html").write_text(PAGE, encoding="utf-8")
    settings = briefing.load_settings().model_copy(update={"other_news": True})
    brief = briefing.build_brief([tmp_path], settings)
    points = [p for s in brief.stories for p in s.points]
    assert points and all(c.kind == OPINION for p in points for c in p.citations)
    text = briefing.render_markdown(brief)
    assert "[Opinion: Tom Rogan, Washington Examiner](<https://www.washingtonexaminer.com/opinion/" in text
    out = tmp_path / "brief.docx"
    briefing.write_brief(brief, settings, out)
    from docx import Document

    body = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "streets on Monday. (Opinion: Tom Rogan, Washington Examiner)" in body
    assert "\u2714" not in body  # one outlet: no "✔ 2 outlets" cue


def test_opinion_in_a_site_s_menu_is_no_label():
    """Stop 23, set U: The London Free Press's menu ("News", "Opinion", "Columnists", "City & Region")
    above a sports story made it "Opinion"."""
    from briefing.attribution import page_kind

    assert page_kind(labels=["-12oC", "News", "Opinion", "Columnists", "City & Region"]) is None
    assert page_kind(labels=["OPINION"]) == "opinion"
    assert page_kind(labels=["Opinion", "By Jane Doe"]) == "opinion"
