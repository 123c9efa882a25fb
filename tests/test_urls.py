"""Links between pages work both on the website (folder URLs) and in the offline edition (file names)."""

import posixpath

import pytest

from projectz.core.urls import FEED_ALL, PageLinks, page_url, relpath, slug


@pytest.mark.parametrize(
    ("here", "home", "module", "feed"),
    [
        ("", "./", "modules/webcare/", "agenda/projectz.ics"),
        ("agenda/", "../", "../modules/webcare/", "projectz.ics"),
        ("gemeenten/vlissingen/", "../../", "../../modules/webcare/", "../../agenda/projectz.ics"),
        ("index.html", "index.html", "modules/webcare.html", "agenda/projectz.ics"),
        ("agenda.html", "index.html", "modules/webcare.html", "agenda/projectz.ics"),
        ("gemeenten/vlissingen.html", "../index.html", "../modules/webcare.html", "../agenda/projectz.ics"),
    ],
)
def test_links_follow_the_url_style_of_the_page(here, home, module, feed):
    links = PageLinks(here)
    assert (links.to(""), links.module("webcare"), links.file("agenda/projectz.ics")) == (home, module, feed)


def test_slugs_are_ascii_and_readable():
    assert [slug(name) for name in ["Fryslân", "'s-Hertogenbosch", "Bergen (NH.)", "Súdwest-Fryslân"]] == [
        "fryslan", "s-hertogenbosch", "bergen-nh", "sudwest-fryslan"]


@pytest.mark.parametrize(("target", "start"), [
    ("", ""), ("modules/webcare", ""), ("", "gemeenten/vlissingen"), ("gemeenten/vlissingen", "gemeenten/vlissingen"),
    ("gemeenten/goes", "gemeenten/vlissingen"), ("agenda/projectz.ics", "gemeenten"), ("a/b/c", "a/x/y"),
])
def test_site_relpath_matches_the_standard_library(target, start):
    assert relpath(target, start) == posixpath.relpath(target or ".", start or ".")


def test_feeds_are_subscribable_only_where_the_public_address_is_known():
    assert PageLinks("agenda/", "https://projectz.example/").subscribe(FEED_ALL) == (
        "webcal://projectz.example/agenda/projectz.ics")
    assert PageLinks("gemeenten/goes/", "https://example.org/sub/").subscribe("agenda/x.ics") == (
        "webcal://example.org/sub/agenda/x.ics")
    assert PageLinks("agenda/").subscribe(FEED_ALL) is None
    # The offline edition opens from file://, where a subscription could never refresh.
    assert PageLinks("agenda.html", "https://projectz.example/").subscribe(FEED_ALL) is None


@pytest.mark.parametrize(("src", "url"), [("modules/webcare.md", "modules/webcare/"),
                                          ("modules/kaart/index.md", "modules/kaart/"),
                                          ("modules/reindex.md", "modules/reindex/"), ("index.md", "")])
def test_page_url_is_the_same_for_a_page_in_a_file_or_in_a_folder(src, url):
    assert page_url(src) == url
