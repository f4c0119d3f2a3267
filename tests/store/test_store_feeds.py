"""What `rasd ingest` reads: compressed JSON Lines, folders, RSS/Atom feeds, field aliases."""

from __future__ import annotations

import gzip
import json
import lzma
from datetime import date

import pytest

from rasd.errors import InputError
from rasd.io.feeds import ReadOptions, check_paths, read_inputs

TEXT = "قتل ثلاثة مدنيين في قصف على حي سكني في تعز أمس."

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>وكالة الأنباء</title>
<item><title>غارة على صنعاء</title><link>http://news.example/1</link><guid>news-1</guid>
<pubDate>Tue, 21 Jul 2015 10:00:00 +0300</pubDate>
<description>&lt;p&gt;شنت طائرات التحالف &lt;b&gt;غارات&lt;/b&gt; على مواقع في صنعاء.&lt;/p&gt;</description></item>
<item><title>اشتباكات في عدن</title><link>http://news.example/2</link>
<description>اندلعت اشتباكات عنيفة في مديرية كريتر.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title>
<entry><id>urn:x:9</id><title>انفجار في بغداد</title><updated>2015-08-02T08:00:00Z</updated>
<content type="text">انفجرت سيارة مفخخة في حي الكرادة وسط بغداد.</content></entry></feed>"""


def records(n: int, **extra) -> bytes:
    return b"".join(json.dumps({"id": f"r{i}", "text": f"{TEXT} {i}", **extra},
                               ensure_ascii=False).encode() + b"\n" for i in range(n))


@pytest.mark.parametrize("suffix, opener", [(".jsonl.xz", lzma.open), (".jsonl.gz", gzip.open)])
def test_compressed_json_lines_stream(tmp_path, suffix, opener):
    path = tmp_path / f"news{suffix}"
    with opener(path, "wb") as out:
        out.write(records(3, published="2015-07-21"))
    got = list(read_inputs([str(path)]))
    assert [a.id for a in got] == ["r0", "r1", "r2"]
    assert got[0].published == date(2015, 7, 21)


def test_content_field_and_date_field(tmp_path):
    path = tmp_path / "snn.jsonl"
    path.write_text(json.dumps({"id": "s1", "content": TEXT, "date_extracted": "2015-08-11 14:15:41"},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    [plain] = read_inputs([str(path)])
    assert plain.text == TEXT and plain.published is None  # a crawl date is not taken unasked
    [dated] = read_inputs([str(path)], ReadOptions(date_field="date_extracted"))
    assert dated.published == date(2015, 8, 11)


def test_bad_lines_are_reported_and_skipped(tmp_path):
    path = tmp_path / "mixed.jsonl"
    good = records(2).splitlines(keepends=True)
    path.write_bytes(good[0] + b"{broken\n" + b'{"id": "x", "title": "no text"}\n' + good[1])
    problems: list[str] = []
    got = list(read_inputs([str(path)], on_problem=problems.append))
    assert [a.id for a in got] == ["r0", "r1"]
    assert any("mixed.jsonl:2" in p and "malformed JSON" in p for p in problems)
    assert any("mixed.jsonl:3" in p for p in problems)


def test_folder_of_text_html_and_feeds(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.html").write_text(f"<html><head><title>خبر</title></head><body><article><p>{TEXT}</p>"
                                f"<p>{TEXT}</p></article></body></html>", encoding="utf-8")
    (sub / "feed.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    got = list(read_inputs([str(tmp_path)], ReadOptions(published=date(2015, 7, 1))))
    assert [a.id for a in got] == ["a", "b", "news-1", "http://news.example/2"]
    assert "<p>" not in got[1].text and TEXT in got[1].text
    assert got[0].published == date(2015, 7, 1)


def test_rss_and_atom_entries(tmp_path):
    (tmp_path / "news.xml").write_text(RSS, encoding="utf-8")
    (tmp_path / "atom").write_text(ATOM, encoding="utf-8")  # no suffix: recognised by content
    rss = list(read_inputs([str(tmp_path / "news.xml")]))
    assert rss[0].id == "news-1" and rss[0].source == "وكالة الأنباء"
    assert rss[0].published == date(2015, 7, 21) and rss[0].url == "http://news.example/1"
    assert "<b>" not in rss[0].text and "غارات" in rss[0].text
    assert rss[0].text.startswith("غارة على صنعاء")  # the title heads the text
    assert rss[1].published is None
    [atom] = read_inputs([str(tmp_path / "atom")])
    assert atom.id == "urn:x:9" and atom.published == date(2015, 8, 2) and "الكرادة" in atom.text


def test_errors_name_the_input(tmp_path):
    with pytest.raises(InputError, match="missing.jsonl: no such file"):
        check_paths([str(tmp_path / "missing.jsonl")])
    bad = tmp_path / "empty.rss"
    bad.write_text("<rss><channel></channel></rss>", encoding="utf-8")
    with pytest.raises(InputError, match="empty.rss: not an RSS/Atom feed"):
        list(read_inputs([str(bad)]))
    broken = tmp_path / "cut.jsonl.xz"
    broken.write_bytes(lzma.compress(records(50))[:200])
    with pytest.raises(InputError, match="cut.jsonl.xz: cannot be read"):
        list(read_inputs([str(broken)]))
