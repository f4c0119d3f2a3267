"""Reading articles: every kind of input a user may hand over, good and bad."""

from __future__ import annotations

import io
import json
import tracemalloc
from datetime import date

import pytest

from rasd.errors import InputError
from rasd.io.readers import read_articles, read_jsonl

ARABIC = "قتل ثلاثة مدنيين أمس في قصف على مدينة الحسكة شمال شرقي سوريا."


def read_all(path, **kw):
    problems: list[str] = []
    articles = list(read_articles(str(path), on_problem=problems.append, **kw))
    return articles, problems


def jsonl(records) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


# ---------------------------------------------------------------- refused whole
def test_an_empty_file_is_refused(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    with pytest.raises(InputError, match=r"a\.txt: the file is empty"):
        read_all(tmp_path / "a.txt")


def test_a_whitespace_only_file_is_empty_too(tmp_path):
    (tmp_path / "a.txt").write_text(" \n\t\n")
    with pytest.raises(InputError, match="the file is empty"):
        read_all(tmp_path / "a.txt")


def test_a_binary_file_is_refused_as_binary(tmp_path):
    (tmp_path / "blob.txt").write_bytes(b"abc\x00\x01\x02" * 100)
    with pytest.raises(InputError, match=r"blob\.txt: this looks like a binary file"):
        read_all(tmp_path / "blob.txt")


@pytest.mark.parametrize("head, kind", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
    (b"PK\x03\x04\x14\x00", "a ZIP archive"),
    (b"\x1f\x8b\x08\x00", "a gzip-compressed file"),
])
def test_common_non_text_formats_are_named(tmp_path, head, kind):
    (tmp_path / "article.txt").write_bytes(head + b"more bytes")
    with pytest.raises(InputError, match=f"article.txt: this is {kind}"):
        read_all(tmp_path / "article.txt")


def test_a_missing_file_and_a_folder_are_refused(tmp_path):
    with pytest.raises(InputError, match="no such file or directory"):
        read_all(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_all(tmp_path)


# ---------------------------------------------------------------- encodings
def test_cp1256_text_is_read_with_a_warning(tmp_path):
    (tmp_path / "legacy.txt").write_bytes(ARABIC.encode("cp1256"))
    (article,), problems = read_all(tmp_path / "legacy.txt", published=date(2022, 1, 22))
    assert article.text == ARABIC
    assert problems == ["%s: not UTF-8; read as Windows-1256 (cp1256) Arabic" % (tmp_path / "legacy.txt")]


def test_a_cp1256_jsonl_file_is_reported_once_not_per_line(tmp_path):
    records = [{"id": f"c{i}", "published": "2022-01-22", "text": ARABIC} for i in range(5)]
    (tmp_path / "legacy.jsonl").write_bytes(jsonl(records).encode("cp1256"))
    articles, problems = read_all(tmp_path / "legacy.jsonl")
    assert [a.text for a in articles] == [ARABIC] * 5
    assert len(problems) == 1 and "cp1256" in problems[0] and ":1:" in problems[0]


def test_non_arabic_legacy_text_is_refused_not_misread(tmp_path):
    (tmp_path / "latin.txt").write_bytes("Café à Paris, naïve résumé très cher".encode("latin-1"))
    with pytest.raises(InputError, match="neither UTF-8 nor Windows-1256"):
        read_all(tmp_path / "latin.txt")


def test_utf8_with_bom_and_utf16_are_read(tmp_path):
    (tmp_path / "bom.txt").write_bytes(ARABIC.encode("utf-8-sig"))
    (tmp_path / "u16.txt").write_bytes(ARABIC.encode("utf-16"))
    (tmp_path / "u16.jsonl").write_bytes(jsonl([{"id": "u", "text": ARABIC}] * 2).encode("utf-16"))
    assert read_all(tmp_path / "bom.txt")[0][0].text == ARABIC
    assert read_all(tmp_path / "u16.txt")[0][0].text == ARABIC
    assert [a.text for a in read_all(tmp_path / "u16.jsonl")[0]] == [ARABIC, ARABIC]


# ---------------------------------------------------------------- JSON
def test_a_malformed_json_line_is_reported_by_number_and_the_rest_read(tmp_path):
    good = {"published": "2022-01-22", "text": ARABIC}
    text = jsonl([{"id": "a", **good}]) + '{"id": "b", "text": "x"\n' + jsonl([{"id": "c", **good}])
    (tmp_path / "m.jsonl").write_text(text, encoding="utf-8")
    articles, problems = read_all(tmp_path / "m.jsonl")
    assert [a.id for a in articles] == ["a", "c"]
    assert problems == [f"{tmp_path / 'm.jsonl'}:2: malformed JSON (Expecting ',' delimiter); skipped this line"]


def test_json_lines_without_text_or_not_objects_are_skipped_by_number(tmp_path):
    (tmp_path / "m.jsonl").write_text('[1, 2]\n{"id": "x"}\n{"id": "y", "text": "   "}\n')
    articles, problems = read_all(tmp_path / "m.jsonl")
    assert articles == []
    assert [p.split(": ", 1)[0].rsplit(":", 1)[1] for p in problems] == ["1", "2", "3"]


def test_a_json_array_file_reports_items_that_are_not_articles(tmp_path):
    (tmp_path / "arr.json").write_text(json.dumps([{"id": "a", "text": ARABIC}, 5]), encoding="utf-8")
    articles, problems = read_all(tmp_path / "arr.json", published=date(2022, 1, 1))
    assert [a.id for a in articles] == ["a"]
    assert problems == [f"{tmp_path / 'arr.json'}: item 2 is not an article object; skipped"]


def test_a_broken_json_document_is_refused_with_its_line(tmp_path):
    (tmp_path / "bad.json").write_text('[\n{"id": 1,\n')
    with pytest.raises(InputError, match=r"bad\.json:3: malformed JSON"):
        read_all(tmp_path / "bad.json")


def test_articles_without_an_id_get_a_content_hash(tmp_path):
    (tmp_path / "a.jsonl").write_text(jsonl([{"text": ARABIC}, {"text": ARABIC + " "}]), encoding="utf-8")
    ids = [a.id for a in read_all(tmp_path / "a.jsonl")[0]]
    assert all(i.startswith("sha1-") for i in ids) and ids[0] != ids[1]


# ---------------------------------------------------------------- size
def test_a_10_mb_text_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text((ARABIC + "\n") * (10_000_000 // len((ARABIC + "\n").encode())), encoding="utf-8")
    with pytest.raises(InputError, match=r"big\.txt: file of [\d,]+ bytes is too big for one article "
                                         r"of at most 1,000,000 characters; split it or raise --max-chars"):
        read_all(path)


def test_a_10_mb_json_line_is_skipped_in_bounded_memory_and_the_rest_read(tmp_path):
    path = tmp_path / "big.jsonl"
    huge = ARABIC * (10_000_000 // len(ARABIC.encode()))
    with path.open("w", encoding="utf-8") as f:
        f.write(jsonl([{"id": "huge", "text": huge}, {"id": "small", "published": "2022-01-22", "text": ARABIC}]))
    del huge
    tracemalloc.start()
    try:
        articles, problems = read_all(path, max_chars=100_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [a.id for a in articles] == ["small"]
    assert problems[0].startswith(f"{path}:1: line of over ")
    assert "too big for one article of at most 100,000 characters" in problems[0]
    assert peak < 6_000_000  # the 10 MB line never sits whole in memory (reading it whole: > 10 MB)


def test_a_long_article_under_the_limit_is_read_whole(tmp_path):
    text = ARABIC * 2000  # ~130 KB
    (tmp_path / "long.jsonl").write_text(jsonl([{"id": "l", "text": text}]), encoding="utf-8")
    assert read_all(tmp_path / "long.jsonl")[0][0].text == text


# ---------------------------------------------------------------- published
def test_missing_published_stays_unknown_and_is_said_once(tmp_path):
    (tmp_path / "np.jsonl").write_text(jsonl([{"id": f"n{i}", "text": ARABIC} for i in range(3)]),
                                       encoding="utf-8")
    articles, problems = read_all(tmp_path / "np.jsonl")
    assert [a.published for a in articles] == [None, None, None]  # never invented
    assert len(problems) == 1 and "no 'published' date" in problems[0] and "'n0'" in problems[0]


def test_published_from_the_caller_fills_only_the_gaps(tmp_path):
    records = [{"id": "a", "text": ARABIC}, {"id": "b", "published": "2015-08-03", "text": ARABIC}]
    (tmp_path / "p.jsonl").write_text(jsonl(records), encoding="utf-8")
    articles, problems = read_all(tmp_path / "p.jsonl", published=date(2022, 1, 22))
    assert [a.published for a in articles] == [date(2022, 1, 22), date(2015, 8, 3)]
    assert problems == []


def test_an_unparseable_published_is_reported_and_treated_as_unknown(tmp_path):
    (tmp_path / "p.jsonl").write_text(jsonl([{"id": "a", "published": "yesterday", "text": ARABIC}]),
                                      encoding="utf-8")
    (article,), problems = read_all(tmp_path / "p.jsonl")
    assert article.published is None
    assert problems[0] == f"{tmp_path / 'p.jsonl'}:1: 'published' is 'yesterday', not YYYY-MM-DD; treating the date as unknown"


# ---------------------------------------------------------------- HTML, stdin
def test_html_main_text_is_extracted_without_the_page_chrome(tmp_path):
    page = ("<html><head><title>قصف على الحسكة</title></head><body>"
            "<nav><a href='/'>الرئيسية</a> | <a href='/c'>اتصل بنا</a></nav><article>"
            f"<p>{ARABIC}</p><p>وأفادت مصادر محلية بأن القصف استهدف حياً سكنياً في المدينة.</p>"
            "</article><footer>جميع الحقوق محفوظة</footer></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (article,), _ = read_all(tmp_path / "page.html")
    assert ARABIC in article.text and "وأفادت مصادر محلية" in article.text
    assert "جميع الحقوق محفوظة" not in article.text and "اتصل بنا" not in article.text
    assert article.title == "قصف على الحسكة"
    assert article.id == "page"


def test_a_stream_without_lookahead_is_still_sniffed():
    data = jsonl([{"id": "a", "text": ARABIC}, {"id": "b", "text": ARABIC}]).encode("utf-8")
    from rasd.io.readers import _read_stream

    articles = list(_read_stream(io.BytesIO(data), "<stdin>", None, lambda m: None, 1_000_000))
    assert [a.id for a in articles] == ["a", "b"]


def test_read_jsonl_streams_lazily():
    data = jsonl([{"id": str(i), "text": ARABIC} for i in range(1000)]).encode("utf-8")
    stream = io.BufferedReader(io.BytesIO(data), buffer_size=4096)
    first = next(read_jsonl(stream, "s"))
    assert first.id == "0"
    assert stream.tell() < len(data) // 10


def test_metadata_of_odd_types_becomes_text(tmp_path):
    (tmp_path / "m.jsonl").write_text(jsonl([{"id": 42, "title": 7, "source": ["x"], "url": "", "text": ARABIC}]))
    (article,), _ = read_all(tmp_path / "m.jsonl")
    assert (article.id, article.title, article.source, article.url) == ("42", "7", "['x']", None)


# ---------------------------------------------------------------- field names of other corpora
def test_a_crawl_that_calls_the_text_content_and_keeps_the_title_apart_is_read(tmp_path):
    # SaudiNewsNet, news-please and many APIs: {"title", "content", "date"}.
    (tmp_path / "a.jsonl").write_text(jsonl([
        {"id": "x", "title": "قصف على الحسكة", "content": ARABIC, "date": "2015-08-02"}]), encoding="utf-8")
    [article], problems = read_all(tmp_path / "a.jsonl")
    assert problems == []
    assert article.text == "قصف على الحسكة\n\n" + ARABIC  # the headline is read first, as in HTML
    assert article.title == "قصف على الحسكة"
    assert article.published == date(2015, 8, 2)


def test_a_title_the_text_already_starts_with_is_not_repeated(tmp_path):
    (tmp_path / "a.jsonl").write_text(jsonl([
        {"title": "قصف على الحسكة", "text": "قصف على الحسكة\n\n" + ARABIC}]), encoding="utf-8")
    [article], _ = read_all(tmp_path / "a.jsonl")
    assert article.text.count("قصف على الحسكة") == 1


def test_a_record_with_no_text_under_any_known_name_says_which_names_were_looked_for(tmp_path):
    (tmp_path / "a.jsonl").write_text(jsonl([{"title": "x", "article_body": ARABIC}]), encoding="utf-8")
    articles, [problem] = read_all(tmp_path / "a.jsonl")
    assert articles == []
    assert problem.startswith(f"{tmp_path / 'a.jsonl'}:1: ") and "no 'text', 'content' or 'body' field" in problem
