"""plain_yaml.entries gives exactly the keys, lines, values and value nodes (tags, styles, every mark) libyaml
gives, for every text it takes; it takes the usual front matter; it refuses what it does not read (then
libyaml reads it)."""

from __future__ import annotations

import random

import pytest
import yaml

from conftest import REPO
from gongkai import plain_yaml, source



def test_the_pinned_pyyaml_has_libyaml():
    """The fast path needs libyaml's marks; the pinned PyYAML wheel has them (without them every text would
    go to PyYAML's pure-Python parser, correct but slow, and the tests below would compare nothing)."""
    assert plain_yaml._MARK is not None
    assert plain_yaml.entries("title: 标题", source.plain_tag) is not None


def libyaml_node(text: str) -> yaml.Node | None:
    loader = source._Loader(text)
    try:
        return loader.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def described(node: yaml.Node | None) -> object:
    """Everything of a node and its children that anyone may read."""
    if node is None:
        return None
    marks = tuple((m.name, m.index, m.line, m.column, m.buffer, m.pointer) for m in (node.start_mark, node.end_mark))
    head = (type(node), node.tag, marks, getattr(node, "style", None), getattr(node, "flow_style", None))
    if isinstance(node, yaml.ScalarNode):
        return head, node.value
    if isinstance(node, yaml.SequenceNode):
        return head, [described(child) for child in node.value]
    return head, [(described(k), described(v)) for k, v in node.value]


def libyaml_entries(text: str) -> list | None:
    """What plain_yaml.entries gives, from libyaml's nodes."""
    node = libyaml_node(text)
    if not isinstance(node, yaml.MappingNode):
        return None
    loader = source._Loader(text)
    try:
        return [(k.value, k.start_mark.line, k.start_mark.column, described(v), loader.construct_object(v, deep=True))
                for k, v in node.value]
    finally:
        loader.dispose()


def same_as_libyaml(text: str) -> bool:
    """Whether entries took ``text`` (asserting it reads it as libyaml does when it did)."""
    fast = plain_yaml.entries(text, source.plain_tag)
    if fast is not None:
        assert [(k, line, 0, described(node), value) for k, line, node, value in fast] == libyaml_entries(text), text
    return fast is not None


def headers() -> list[str]:
    """The front matter of every Markdown file of the repository's items, fixtures and golden files."""
    found = []
    for path in sorted(REPO.glob("disclosures/**/*.md")) + sorted(REPO.glob("tests/**/*.md")):
        lines = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n").split("\n")
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if lines[0].strip() == "---" and end is not None:
            found.append("\n".join(lines[1:end]))
    return found


def test_every_header_of_the_repository_is_read_as_libyaml_reads_it():
    taken = [same_as_libyaml(text) for text in headers()]
    assert len(taken) > 30 and sum(taken) > len(taken) / 3  # the fast path is the usual one


def test_the_benchmark_corpus_item_is_taken(tmp_path):
    import sys
    sys.path.insert(0, str(REPO / "scripts"))
    from make_corpus import make_corpus

    root = make_corpus(tmp_path / "corpus", 60)
    texts = [p.read_text(encoding="utf-8").split("\n---\n")[0][4:] for p in sorted(root.glob("disclosures/*/*.md"))]
    taken = [same_as_libyaml(text) for text in texts]
    assert sum(taken) >= len(taken) - 2  # all but the items with an attachment (a list of mappings)


#: Values: texts, and what only looks like one (types, indicators, comments, quotes, spaces, characters).
VALUES = [
    "标题", "厦门市人民政府外事办公室关于2020年第28项工作情况的公告", "厦外〔2020〕119号", "报告，并提出", "a, b", "a,b",
    "a [b]", "a{b}", "a]b", "a}b", "It's", 'say "hi"', "a:b", "12:30", "1:30", "a: b", "a:", "a :", "a - b", "a ? b",
    "2020-01-02", "2020-1-2", "2020-01-02 10:00:00", "20200102", "yes", "No", "on", "OFF", "y", "n", "true", "False",
    "null", "Null", "~", "0x1F", "0o17", "017", "1_000", ".5", "+1", "-1", "1e3", "1.0", ".inf", ".NaN", "...", "<<",
    "=", "<a>", "<<a", "𠀀字", "😀 ok", "a\tb", "a ", " a", "a  b", "a #b", "a#b", "#a", "- x", "-x", "?x", "x?",
    "%x", "@x", "`x", "!x", "!!str x", "&a x", "*a", "|", ">", "'q'", '"q"', "[a]", "{a: b}", ", a", "a\u00a0b",
    "a\u3000b", "\ufeffa", "a\u2028b", "a\x85b", "a\u200bb", "a\\b", "a!b", "a&b", "a*b", "a%b", "a@b", "a`b",
    "XMFAO/2020-00001", "open-government", "in-force", "0592-2856077", "",
]
#: What the usual front matter holds (random texts mostly take these, so that many are read here).
USUAL = ["标题", "厦外〔2020〕119号", "报告，并提出", "a, b", "It's", "a:b", "2020-01-02", "XMFAO/2020-00001", "in-force",
         "a - b", "𠀀字", "title"]
KEYS = ["title", "index_no", "keywords", "yes", "on", "null", "Key_1", "_x", "1abc", "a-b", "k" * 64, "k" * 65,
        "标题", "title ", "<<", "="]


def random_text(rng: random.Random) -> str:
    def value() -> str:
        return rng.choice(USUAL if rng.random() < 0.85 else VALUES)

    lines = []
    for _ in range(rng.randint(1, 6)):
        key = rng.choice(KEYS[:3] if rng.random() < 0.8 else KEYS)
        form = rng.random()
        if form < 0.6:
            lines.append(f"{key}:{rng.choice([' ', ' ', ' ', '  ', ''])}{value()}")
        elif form < 0.95:
            lines.append(f"{key}:")
            indent = " " * rng.choice([0, 2, 2, 4])
            for _ in range(rng.randint(0, 3)):
                lines.append(f"{indent if rng.random() < 0.9 else ' '}-{rng.choice([' ', ' ', '  '])}{value()}")
        else:
            lines.append(rng.choice(["", "  more", "  - x", "- x", "---", "# note", "k: [a, b]", "k: {a: b}",
                                     "k:\n  a: b", "k: |\n  text", "k: 'quoted'", "\tk: v", "k: v\r"]))
    return "\n".join(lines) + ("" if rng.random() < 0.9 else rng.choice(["\n", "\n\n"]))


def test_random_texts_are_read_as_libyaml_reads_them_or_left_to_it():
    rng = random.Random(14)
    taken = sum(same_as_libyaml(random_text(rng)) for _ in range(4000))
    assert taken > 200  # many were read here


@pytest.mark.parametrize("value", VALUES)
def test_each_value_alone_and_in_a_list(value):
    for text in (f"k: {value}", f"k: {value}\nother: x", f"k:\n  - {value}", f"k:\n- {value}\n- b\nz: 1",
                 f"a: b\nk:\n    - x\n    - {value}"):
        same_as_libyaml(text)


def test_what_is_left_to_libyaml():
    for text in ("", "k: v\n", "k:", "k:\nz: v", "k: v\n\nz: w", "k: v\n  w", "k:\n  - a\n    b", "k:\n  - a\n - b",
                 "k:\n  - a\n  -", "k: 1", "k: true", "k: null", "k: a # c", "k: 'a'", "  k: v", "k: v ", "k:\n  - a "):
        assert plain_yaml.entries(text, source.plain_tag) is None, text
    assert plain_yaml.entries("k: 2020-01-02\nl:\n  - 预算", source.plain_tag) is not None


def test_plain_tag_is_the_loaders_resolver():
    loader = source._Loader("")
    try:
        for value in [v for v in VALUES if v] + KEYS:
            assert source.plain_tag(value) == loader.resolve(yaml.ScalarNode, value, (True, False)), value
    finally:
        loader.dispose()


def test_values_and_problems_are_the_same_either_way(monkeypatch):
    """parse_front_matter gives the same values and problems with the fast path and without it."""
    from gongkai.problems import Problems
    from gongkai.schema import ITEM_HINTS

    rng = random.Random(7)
    texts = headers() + [random_text(rng) for _ in range(1500)]

    def parsed(text: str) -> tuple:
        problems = Problems()
        meta = source.parse_front_matter("x.md", text, 2, problems, ITEM_HINTS)
        values = None if meta is None else [(k, v.value, v.line, v.column, described(v.node)) for k, v in meta.items()]
        return values, [(p.line, p.code, p.message, p.hint, p.key, p.column) for p in problems.items]

    fast = [parsed(text) for text in texts]
    monkeypatch.setattr(plain_yaml, "entries", lambda text, resolve: None)
    assert [parsed(text) for text in texts] == fast
